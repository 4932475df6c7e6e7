export { checkLedgerSelection, selectEvents, type LedgerSelection } from './selection.js';
export { SelectionError } from './selection-error.js';
