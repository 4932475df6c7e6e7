import { IsoDate, IsoDateTime, NonEmptyString, PositiveInteger } from '../../codecs/primitives.js';
import { EventTypeCodec, StreamIdCodec } from '../envelope.js';

/**
 * The envelope check of a ledger line, written out by hand: the verdict of
 * the line codec plus the unknown-key rule (envelope.ts), without building
 * io-ts contexts. The structure (which keys, which are required, no other
 * key) is written out here, and so are the tests of the fields every line
 * carries (event ids and chain hashes by char code; type names and
 * non-empty strings by char code when plain ASCII, else by their codec);
 * dates, timestamps, ids and counts use their codecs' own predicates. A replay checks every line, so this runs a million times; when it
 * says no, the codec is run to say why (envelope.ts). Property-tested
 * against the codec in envelope-check.test.ts.
 */

type Check = (value: unknown) => boolean;

/** `0-9` or `a-f`. */
const isLowerHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);

const allLowerHex = (s: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i += 1) if (!isLowerHex(s.charCodeAt(i))) return false;
  return true;
};

/** The event id codec's test, `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`, by char code. */
const isEventId = (v: unknown): boolean =>
  typeof v === 'string' &&
  v.length === 36 &&
  v.charCodeAt(8) === 45 &&
  v.charCodeAt(13) === 45 &&
  v.charCodeAt(18) === 45 &&
  v.charCodeAt(23) === 45 &&
  allLowerHex(v, 0, 8) &&
  allLowerHex(v, 9, 13) &&
  allLowerHex(v, 14, 18) &&
  allLowerHex(v, 19, 23) &&
  allLowerHex(v, 24, 36);

/** The chain hash codec's test, `^sha256:[0-9a-f]{64}$`, by char code. */
const isChainHash = (v: unknown): boolean => typeof v === 'string' && v.length === 71 && v.startsWith('sha256:') && allLowerHex(v, 7, 71);

/** An ASCII letter, digit or `_ . : -`: what most event type names are made of. */
const isPlainTypeChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 58 || c === 45;

/** The event type codec's test; names of ASCII letters and digits by char code, any other through the codec. */
const isEventType = (v: unknown): boolean => {
  if (typeof v !== 'string' || v.length === 0 || v.length > 100) return EventTypeCodec.is(v);
  const first = v.charCodeAt(0);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return EventTypeCodec.is(v);
  for (let i = 1; i < v.length; i += 1) if (!isPlainTypeChar(v.charCodeAt(i))) return EventTypeCodec.is(v);
  return true;
};

/** The non-empty string codec's test; a string that starts with a printable ASCII character passes at once. */
const isNonEmpty = (v: unknown): boolean => {
  if (typeof v !== 'string' || v.length === 0) return false;
  const first = v.charCodeAt(0);
  return (first > 32 && first < 127) || NonEmptyString.is(v);
};

/** What JSON.parse gives for `{...}`: not null, not an array. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** 1 when an optional key is absent or valid (0 when absent, counted apart), -1 when present and not valid. */
const optional = (value: unknown, check: Check): number => (value === undefined ? 0 : check(value) ? 1 : -100);

const isMetadata = (value: unknown): boolean => {
  if (!isJsonObject(value)) return false;
  const m = value as { eventId?: unknown; occurredOn?: unknown; actor?: unknown; schemaVersion?: unknown; recordedAt?: unknown; commandId?: unknown; correlationId?: unknown; causationId?: unknown; commandDigest?: unknown; hash?: unknown };
  if (!(isEventId(m.eventId) && IsoDate.is(m.occurredOn) && isNonEmpty(m.actor) && PositiveInteger.is(m.schemaVersion))) return false;
  const present =
    optional(m.recordedAt, (v) => IsoDateTime.is(v)) +
    optional(m.commandId, isNonEmpty) +
    optional(m.correlationId, isNonEmpty) +
    optional(m.causationId, isNonEmpty) +
    optional(m.commandDigest, isNonEmpty) +
    optional(m.hash, isChainHash);
  // Every key is a known one exactly when the known ones present account for all keys.
  return present >= 0 && Object.keys(value).length === 4 + present;
};

/**
 * True when `value`, as JSON.parse gave it, is a ledger line's envelope the
 * format accepts: `streamId`, `type`, `data` (an object) and `metadata`, each
 * well formed, and no other key at the top or in `metadata`.
 */
export const isLedgerEnvelope = (value: unknown): value is { streamId: string; type: string; data: Record<string, unknown>; metadata: Record<string, unknown> } => {
  if (!isJsonObject(value) || Object.keys(value).length !== 4) return false;
  const line = value as { streamId?: unknown; type?: unknown; data?: unknown; metadata?: unknown };
  return StreamIdCodec.is(line.streamId) && isEventType(line.type) && isJsonObject(line.data) && isMetadata(line.metadata);
};
