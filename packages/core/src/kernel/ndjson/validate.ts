import type { EventCatalog } from '../catalog.js';
import type { DomainEvent, RecordedEvent } from '../event.js';
import type { LedgerEntry } from './envelope.js';
import { LedgerFormatError, LedgerLineError, type LedgerProblem } from './errors.js';
import { splitLines, type SplitLinesOptions, type TextLine } from './lines.js';
import { isBlankLine, parseLedgerLine } from './read.js';

/** What a valid ledger file holds. Counts are plain numbers: they count events, they are not money. */
export interface LedgerSummary {
  readonly events: number;
  /** Distinct stream ids. */
  readonly streams: number;
  /** Events per type, keys sorted. */
  readonly types: Readonly<Record<string, number>>;
}

/**
 * Rules a ledger must keep beyond each line's format: the bookkeeping rules
 * (`booksRules()` of @collective-ledger/core). Each event is checked in file
 * order after the events a store already holds (`known`); `finish` gives what
 * only the end of the file shows.
 */
export interface LedgerRules {
  known(event: RecordedEvent): void;
  check(entry: LedgerEntry): readonly LedgerProblem[];
  finish(): readonly LedgerProblem[];
}

export interface ValidateLedgerOptions extends SplitLinesOptions {
  /** The rules to check each valid line by, besides its format. */
  readonly rules?: LedgerRules;
  /** Problems listed in the error (default 20); the rest are counted. */
  readonly maxErrors?: number;
  /** Called every `progressEvery` lines (default 10,000) with the events read so far. */
  readonly onProgress?: (events: number) => void;
  readonly progressEvery?: number;
  readonly signal?: AbortSignal;
}

/** What validation has seen so far: problems (the first `max` kept), event ids, streams and types. */
class LedgerCheck<E extends DomainEvent> {
  readonly kept: LedgerProblem[] = [];
  total = 0;
  events = 0;
  private readonly firstLineOf = new Map<string, number>();
  private readonly streams = new Set<string>();
  private readonly types = new Map<string, number>();

  constructor(
    private readonly catalog: EventCatalog<E>,
    private readonly max: number,
    private readonly rules: LedgerRules | undefined,
  ) {}

  add(problem: LedgerProblem): void {
    this.total += 1;
    if (this.kept.length < this.max) this.kept.push(problem);
  }

  addError(error: LedgerLineError): void {
    for (const issue of error.issues) this.add({ lineNumber: error.lineNumber, ...issue });
  }

  line(line: TextLine): void {
    if (isBlankLine(line)) return;
    try {
      const entry = parseLedgerLine(line, this.catalog);
      const { eventId } = entry.event.metadata;
      const first = this.firstLineOf.get(eventId);
      if (first !== undefined) {
        const reason = `event id ${eventId} is already used on line ${first}`;
        this.add({ lineNumber: line.lineNumber, path: 'metadata.eventId', reason });
        return;
      }
      this.firstLineOf.set(eventId, line.lineNumber);
      this.streams.add(entry.streamId);
      this.types.set(entry.event.type, (this.types.get(entry.event.type) ?? 0) + 1);
      this.events += 1;
      for (const problem of this.rules?.check(entry) ?? []) this.add(problem);
    } catch (error) {
      if (!(error instanceof LedgerLineError)) throw error;
      this.addError(error);
    }
  }

  summary(): LedgerSummary {
    for (const problem of this.rules?.finish() ?? []) this.add(problem);
    if (this.total > 0) throw new LedgerFormatError(this.kept, this.total);
    const types = [...this.types.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { events: this.events, streams: this.streams.size, types: Object.fromEntries(types) };
  }
}

/**
 * Check a whole ledger file and report every problem at once (up to `maxErrors`):
 * each line as `readLedger` checks it, no event id used twice in the file, and
 * the `rules` given, line by line in file order.
 * Returns what the file holds, or throws `LedgerFormatError`. The file is read
 * once, streaming; only event ids are remembered.
 */
export const validateLedger = async <E extends DomainEvent>(
  chunks: AsyncIterable<string | Uint8Array>,
  catalog: EventCatalog<E>,
  options: ValidateLedgerOptions = {},
): Promise<LedgerSummary> => {
  options.signal?.throwIfAborted();
  const check = new LedgerCheck(catalog, options.maxErrors ?? 20, options.rules);
  const every = options.progressEvery ?? 10_000;
  try {
    for await (const line of splitLines(chunks, options)) {
      if (line.lineNumber % every === 0) {
        options.signal?.throwIfAborted();
        options.onProgress?.(check.events);
      }
      check.line(line);
    }
  } catch (error) {
    // splitLines stops at an unreadable line (bad UTF-8, too long): report it with the others.
    if (!(error instanceof LedgerLineError)) throw error;
    check.addError(error);
  }
  const summary = check.summary();
  options.onProgress?.(summary.events);
  return summary;
};
