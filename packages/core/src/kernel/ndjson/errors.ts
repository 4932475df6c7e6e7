import { ChainBrokenError, DuplicateEventError } from '../errors.js';

/** One problem on one line of a ledger file: where (a field path, or `(line)`) and why. */
export interface LedgerIssue {
  readonly path: string;
  readonly reason: string;
}

/** A ledger line that cannot be read: bad JSON, a bad envelope, an unknown type or invalid data. */
export class LedgerLineError extends Error {
  override readonly name = 'LedgerLineError';
  readonly code = 'INVALID_LEDGER_LINE';
  readonly issues: readonly LedgerIssue[];

  constructor(
    readonly lineNumber: number,
    issues: readonly LedgerIssue[],
  ) {
    const known = issues.length > 0 ? issues : [{ path: '(line)', reason: 'invalid' }];
    super(`line ${lineNumber}: ${known.map((issue) => `${issue.path}: ${issue.reason}`).join('; ')}`);
    this.issues = known;
  }

  /** The field path of the first problem: `data.amount`, `metadata.occurredOn`, `type`, or `(line)`. */
  get path(): string {
    return this.issues[0]?.path ?? '(line)';
  }

  /** The reason of the first problem: `expected a date YYYY-MM-DD, got "2023-02-30"`. */
  get reason(): string {
    return this.issues[0]?.reason ?? 'invalid';
  }

  static single(lineNumber: number, path: string, reason: string): LedgerLineError {
    return new LedgerLineError(lineNumber, [{ path, reason }]);
  }
}

/** One problem of a ledger file, located by line. */
export interface LedgerProblem extends LedgerIssue {
  readonly lineNumber: number;
}

export const describeProblem = (problem: LedgerProblem): string =>
  `line ${problem.lineNumber}: ${problem.path}: ${problem.reason}`;

/**
 * A ledger file that failed validation. `problems` holds the first ones found
 * (up to the `maxErrors` asked for); `total` counts them all. The message has one
 * line per problem kept, then `and N more problems` when some were left out.
 */
export class LedgerFormatError extends Error {
  override readonly name = 'LedgerFormatError';
  readonly code = 'INVALID_LEDGER';

  constructor(
    readonly problems: readonly LedgerProblem[],
    readonly total: number,
  ) {
    const lines = problems.map(describeProblem);
    const more = total - problems.length;
    if (more > 0) lines.push(`and ${more} more problem${more === 1 ? '' : 's'}`);
    super(lines.join('\n'));
  }
}

/** An import refused because an event of the file is already stored; nothing was written (bulk stores). */
export class DuplicateLedgerEventError extends DuplicateEventError {
  constructor(
    eventIds: readonly string[],
    readonly lineNumber: number,
  ) {
    super(eventIds);
    this.message = `line ${lineNumber}: metadata.eventId: event id ${eventIds[0] ?? ''} is already in the store`;
  }
}

/** An import refused because a line carries a chain hash the store does not compute for it; nothing was written (bulk stores). */
export class ChainBrokenLedgerError extends ChainBrokenError {
  constructor(
    broken: ChainBrokenError,
    readonly lineNumber: number,
  ) {
    super(broken);
    this.message = `line ${lineNumber}: metadata.hash: ${broken.message}`;
  }
}
