import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { validationIssues } from '../../codecs/reporter.js';
import { EVENT_METADATA_KEYS, NewEventCodec, StreamIdCodec } from '../envelope.js';
import type { JsonObject, JsonValue, NewEvent, NewEventMetadata } from '../event.js';
import { isLedgerEnvelope } from './envelope-check.js';
import { LedgerLineError, type LedgerIssue } from './errors.js';

/** One event of a ledger file: the line it came from, its stream and the event to append. */
export interface LedgerEntry {
  readonly lineNumber: number;
  readonly streamId: string;
  readonly event: NewEvent;
}

/** The keys of a ledger line, in the order they are written. */
export const LEDGER_LINE_KEYS = ['streamId', 'type', 'data', 'metadata'] as const;

/** The keys of a ledger line's metadata, in the order they are written: those an event may carry. */
export const LEDGER_METADATA_KEYS = EVENT_METADATA_KEYS;

const LedgerLineCodec = t.intersection([t.type({ streamId: StreamIdCodec }), NewEventCodec]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown): string => {
  const s = JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

const parseJson = (text: string, lineNumber: number): unknown => {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw LedgerLineError.single(lineNumber, '(line)', `not valid JSON${detail}`);
  }
};

/** Keys the format does not know would be dropped silently on import: refuse them instead. */
const unknownKeys = (value: Record<string, unknown>): LedgerIssue[] => {
  const issues: LedgerIssue[] = [];
  const allowed: readonly string[] = LEDGER_LINE_KEYS;
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) issues.push({ path: key, reason: `unknown key (a line has ${LEDGER_LINE_KEYS.join(', ')})` });
  }
  const metadata = value['metadata'];
  if (!isObject(metadata)) return issues;
  const allowedMetadata: readonly string[] = LEDGER_METADATA_KEYS;
  for (const key of Object.keys(metadata)) {
    if (!allowedMetadata.includes(key)) issues.push({ path: `metadata.${key}`, reason: 'unknown metadata key' });
  }
  return issues;
};

/** The entry of a line whose envelope is valid: the parsed objects, as they are. */
const entryOf = (value: { streamId: string; type: string; data: object; metadata: object }, lineNumber: number): LedgerEntry => ({
  lineNumber,
  streamId: value.streamId,
  // JSON never holds undefined, so the metadata the check accepted is NewEventMetadata.
  event: { type: value.type, data: value.data as JsonObject, metadata: value.metadata as NewEventMetadata },
});

/**
 * The envelope checked by the line codec and the unknown-key rule: every
 * problem, each naming its field. The reference the hand-written check
 * (envelope-check.ts) is tested against, and what names the problems of a
 * line it refuses.
 */
export const ledgerEntryByCodec = (value: unknown, lineNumber: number): LedgerEntry => {
  if (!isObject(value)) {
    throw LedgerLineError.single(lineNumber, '(line)', `expected a JSON object, got ${show(value)}`);
  }
  const result = LedgerLineCodec.decode(value);
  const issues = [
    ...(isLeft(result) ? validationIssues(result.left).map((i) => ({ path: i.path, reason: i.message })) : []),
    ...unknownKeys(value),
  ];
  if (issues.length > 0 || isLeft(result)) throw new LedgerLineError(lineNumber, issues);
  return entryOf(result.right, lineNumber);
};

/**
 * Check the envelope of a line JSON.parse has read: an object with
 * `streamId`, `type`, `data` and `metadata`, each well formed, no unknown key.
 * A valid line is accepted by the hand-written check alone; a line it
 * refuses goes through the codec, which names every problem
 * (`LedgerLineError`).
 */
export const ledgerEntryOf = (value: unknown, lineNumber: number): LedgerEntry =>
  isLedgerEnvelope(value) ? entryOf(value, lineNumber) : ledgerEntryByCodec(value, lineNumber);

/**
 * Read one line of a ledger file without a catalog: valid JSON, an object with
 * `streamId`, `type`, `data` and `metadata`, each well formed. Stores use this to
 * read their own files; `readLedger` adds the catalog's checks.
 */
export const parseLedgerEnvelope = (text: string, lineNumber: number): LedgerEntry => ledgerEntryOf(parseJson(text, lineNumber), lineNumber);
