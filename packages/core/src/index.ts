export * from './kernel/index.js';
export * from './money/index.js';
export * from './codecs/index.js';
export * as organization from './domain/organization/index.js';
export * as ledger from './domain/ledger/index.js';
export * as assets from './domain/assets/index.js';
export * as shares from './domain/shares/index.js';
export * from './catalog.js';
export * from './reports/index.js';
