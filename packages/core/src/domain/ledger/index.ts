export * from './voucher-codec.js';
export * from './events.js';
export * from './commands.js';
export * from './decider.js';
export * from './service.js';
