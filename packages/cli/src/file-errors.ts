import type { LedgerLineError } from '@collective-ledger/core';

/** A ledger file the store cannot read: it names the file, the line and the field. */
export class CorruptLedgerError extends Error {
  override readonly name = 'CorruptLedgerError';
  readonly code = 'CORRUPT_LEDGER';
  constructor(
    readonly path: string,
    readonly lineError: LedgerLineError,
  ) {
    super(`${path}: ${lineError.message}`, { cause: lineError });
  }
}
