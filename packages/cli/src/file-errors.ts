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

/** An import journal (`<file>.import`) that is not one the store wrote: it cannot tell where the interrupted import began. */
export class ImportJournalError extends Error {
  override readonly name = 'ImportJournalError';
  readonly code = 'IMPORT_JOURNAL_UNREADABLE';
  constructor(
    readonly journal: string,
    readonly path: string,
    found: string,
  ) {
    const shown = JSON.stringify(found.length > 40 ? `${found.slice(0, 40)}…` : found);
    super(
      `${journal}: this import journal holds ${shown}, not the {"length":<bytes>} an import writes, so where the interrupted import began in ${path} is unknown; ` +
        `nothing was changed: if no import was running, delete ${journal}; otherwise cut ${path} back to its length before that import, then delete ${journal}`,
    );
  }
}

/** A store opened read-only (to follow a ledger another process writes) was asked to write. */
export class ReadOnlyLedgerError extends Error {
  override readonly name = 'ReadOnlyLedgerError';
  readonly code = 'LEDGER_READ_ONLY';
  constructor(readonly path: string) {
    super(`${path}: this store was opened read-only (to follow the ledger); open it without readOnly to write`);
  }
}

/** A ledger followed read-only was cut back or replaced by another file: what was read of it no longer holds. */
export class LedgerChangedError extends Error {
  override readonly name = 'LedgerChangedError';
  readonly code = 'LEDGER_CHANGED';
  constructor(
    readonly path: string,
    what: string,
  ) {
    super(`${path}: ${what} while it was followed; open it again`);
  }
}
