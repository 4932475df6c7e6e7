export * from './errors.js';
export { isLedgerEnvelope } from './envelope-check.js';
export * from './lines.js';
export {
  LEDGER_LINE_KEYS,
  LEDGER_METADATA_KEYS,
  ledgerEntryOf,
  parseLedgerEnvelope,
  type LedgerEntry,
} from './envelope.js';
export * from './read.js';
export * from './validate.js';
export * from './import.js';
export * from './write.js';
