import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { validationIssues } from '../../codecs/reporter.js';
import { EVENT_METADATA_KEYS, NewEventCodec, StreamIdCodec } from '../envelope.js';
import type { JsonObject, JsonValue, NewEvent, NewEventMetadata } from '../event.js';
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

/**
 * Read one line of a ledger file without a catalog: valid JSON, an object with
 * `streamId`, `type`, `data` and `metadata`, each well formed. Stores use this to
 * read their own files; `readLedger` adds the catalog's checks.
 */
export const parseLedgerEnvelope = (text: string, lineNumber: number): LedgerEntry => {
  const value = parseJson(text, lineNumber);
  if (!isObject(value)) {
    throw LedgerLineError.single(lineNumber, '(line)', `expected a JSON object, got ${show(value)}`);
  }
  const result = LedgerLineCodec.decode(value);
  const issues = [
    ...(isLeft(result) ? validationIssues(result.left).map((i) => ({ path: i.path, reason: i.message })) : []),
    ...unknownKeys(value),
  ];
  if (issues.length > 0 || isLeft(result)) throw new LedgerLineError(lineNumber, issues);
  const line = result.right;
  // The codec's optional keys read `T | undefined`; JSON never holds undefined, so this is NewEventMetadata.
  const metadata = line.metadata as NewEventMetadata;
  return { lineNumber, streamId: line.streamId, event: { type: line.type, data: line.data as JsonObject, metadata } };
};
