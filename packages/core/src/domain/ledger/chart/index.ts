export * from './accounts.js';
export * from './chart.js';
export * from './events.js';
export * from './commands.js';
export * from './decider.js';
export * from './service.js';
export * from './projection.js';
