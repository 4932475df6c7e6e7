import { EventValidationError, type EventCatalog } from '../catalog.js';
import type { DomainEvent } from '../event.js';
import { contentProblemOf, quoted } from '../limits.js';
import { parseLedgerEnvelope, type LedgerEntry } from './envelope.js';
import { LedgerLineError, type LedgerIssue } from './errors.js';
import { splitLines, type SplitLinesOptions, type TextLine } from './lines.js';

/** `data.amount: expected ...` → path and reason. */
const toIssue = (problem: string): LedgerIssue => {
  const at = problem.indexOf(': ');
  return at === -1 ? { path: 'data', reason: problem } : { path: problem.slice(0, at), reason: problem.slice(at + 2) };
};

/**
 * Check an entry as every store would (limits.ts: no U+0000, no unpaired
 * surrogate, nothing deeper, longer or larger than the default limits), then
 * against the catalog: its type must be known and its data must pass the
 * type's codec, with no key the codec does not know, after upcasting from the
 * schema version it was written in.
 * The entry itself is returned unchanged: stored events are never rewritten.
 */
export const checkLedgerEntry = <E extends DomainEvent>(entry: LedgerEntry, catalog: EventCatalog<E>): LedgerEntry => {
  const { type, data, metadata } = entry.event;
  const problem = contentProblemOf(entry.event);
  if (problem !== undefined) throw LedgerLineError.single(entry.lineNumber, problem.path === '' ? '(line)' : problem.path, problem.reason);
  if (!catalog.has(type)) {
    throw LedgerLineError.single(entry.lineNumber, 'type', `unknown event type ${quoted(type)}`);
  }
  try {
    catalog.decode(type, data, metadata.schemaVersion, true);
  } catch (error) {
    if (error instanceof EventValidationError) throw new LedgerLineError(entry.lineNumber, error.problems.map(toIssue));
    const reason = error instanceof Error ? error.message : String(error);
    throw LedgerLineError.single(entry.lineNumber, 'data', `cannot upcast from schema version ${metadata.schemaVersion}: ${reason}`);
  }
  return entry;
};

/** A blank (or white-space only) line carries no event and is skipped. */
export const isBlankLine = (line: TextLine): boolean => line.text.trim() === '';

/** Parse and check one line of a ledger file; throws `LedgerLineError`. */
export const parseLedgerLine = <E extends DomainEvent>(line: TextLine, catalog: EventCatalog<E>): LedgerEntry =>
  checkLedgerEntry(parseLedgerEnvelope(line.text, line.lineNumber), catalog);

/**
 * Stream the events of a ledger file in file order. Each line is JSON-parsed,
 * its envelope checked, its type looked up and its data validated (old schema
 * versions upcast first). The first bad line throws `LedgerLineError`, naming the
 * line and the field: `line 17: data.amount: expected a yuan amount ...`.
 */
export async function* readLedger<E extends DomainEvent>(
  chunks: AsyncIterable<string | Uint8Array>,
  catalog: EventCatalog<E>,
  options: SplitLinesOptions = {},
): AsyncIterable<LedgerEntry> {
  for await (const line of splitLines(chunks, options)) {
    if (!isBlankLine(line)) yield parseLedgerLine(line, catalog);
  }
}
