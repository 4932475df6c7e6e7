import type { StoreLimits } from '@collective-ledger/core';

export interface FileEventStoreOptions {
  /** Accept a missing file: the ledger starts empty and the first write creates it. */
  readonly create?: boolean;
  /** Told when opening repaired the file (a torn last line, an unfinished import), or when the index could not be written. */
  readonly onWarning?: (message: string) => void;
  /** The clock that stamps `recordedAt`; tests pass a fixed one. */
  readonly now?: () => Date;
  /** What the store accepts of an event's content (the kernel's `StoreLimits`); the defaults when absent. */
  readonly limits?: Partial<StoreLimits>;
  /**
   * Only read, and follow, a ledger that another process may be writing: no
   * lock is taken and nothing is written or repaired; appends are refused.
   * Such a store sees each write once its lines are whole and committed.
   */
  readonly readOnly?: boolean;
}

/** `--store` names a ledger file that is not there. */
export class LedgerNotFoundError extends Error {
  override readonly name = 'LedgerNotFoundError';
  readonly code = 'LEDGER_NOT_FOUND';
  constructor(readonly path: string) {
    super(`no ledger at ${path} (an import creates one)`);
  }
}

export interface Settings {
  readonly now: () => Date;
  readonly limits: StoreLimits;
  readonly warn: (message: string) => void;
}
