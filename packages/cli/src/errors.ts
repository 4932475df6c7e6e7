/** Exit codes: 0 success, 1 the work failed (bad ledger, store error), 2 the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A wrong command line: unknown command or option, missing argument. Exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = EXIT_USAGE;
}

/** A failure to report to the user as it is, one line. Exits 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode = EXIT_FAILURE;
}

/** stdout was closed by its reader (`| head`): stop quietly, with success. */
export class OutputClosedError extends Error {
  override readonly name = 'OutputClosedError';
  constructor() {
    super('stdout was closed');
  }
}

/** The user pressed Ctrl-C: stop, leaving the store as it was (imports roll back). Exits 130. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  readonly exitCode = 130;
  constructor() {
    super('interrupted');
  }
}
