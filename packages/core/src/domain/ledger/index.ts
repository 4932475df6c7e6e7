export * from './voucher-codec.js';
export * from './closing-codec.js';
export * from './events.js';
export * from './commands.js';
export * from './errors.js';
export * from './state.js';
export * from './decider.js';
export * from './service.js';
// Explicit, so it wins over the codec alone that service.js exports under the same name.
export { CloseYearInput, type CloseYearInputValue } from './close-year-input.js';
export * from './ledger-years.js';
export * from './chart/index.js';
export * from './generated-voucher.js';
