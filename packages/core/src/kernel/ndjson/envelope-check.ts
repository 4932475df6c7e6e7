import { IsoDate, IsoDateTime, NonEmptyString, PositiveInteger } from '../../codecs/primitives.js';
import { ChainHashCodec, EventIdCodec, EventTypeCodec, StreamIdCodec } from '../envelope.js';

/**
 * The envelope check of a ledger line, written out by hand: the verdict of
 * the line codec plus the unknown-key rule (envelope.ts), without building
 * io-ts contexts. The structure (which keys, which are required, no other
 * key) is written out here; each field is tested with its codec's own
 * predicate (a non-empty string that starts with a printable ASCII character
 * passes at once, without the codec's regular expression). A replay checks
 * every line, so this runs a million times; when it says no, the codec is
 * run to say why (envelope.ts). Property-tested against the codec in
 * envelope-check.test.ts.
 */

type Check = (value: unknown) => boolean;

/** The non-empty string codec's test; a string that starts with a printable ASCII character passes at once. */
const isNonEmpty = (v: unknown): boolean => {
  if (typeof v !== 'string' || v.length === 0) return false;
  const first = v.charCodeAt(0);
  return (first > 32 && first < 127) || NonEmptyString.is(v);
};

/** What JSON.parse gives for `{...}`: not null, not an array. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** 1 when an optional key is present and valid, 0 when absent, and enough below 0 to make any sum of them negative when present and not valid. */
const optional = (value: unknown, check: Check): number => (value === undefined ? 0 : check(value) ? 1 : -100);

const isMetadata = (value: unknown): boolean => {
  if (!isJsonObject(value)) return false;
  const m = value as { eventId?: unknown; occurredOn?: unknown; actor?: unknown; schemaVersion?: unknown; recordedAt?: unknown; commandId?: unknown; correlationId?: unknown; causationId?: unknown; commandDigest?: unknown; hash?: unknown };
  if (!(EventIdCodec.is(m.eventId) && IsoDate.is(m.occurredOn) && isNonEmpty(m.actor) && PositiveInteger.is(m.schemaVersion))) return false;
  const present =
    optional(m.recordedAt, (v) => IsoDateTime.is(v)) +
    optional(m.commandId, isNonEmpty) +
    optional(m.correlationId, isNonEmpty) +
    optional(m.causationId, isNonEmpty) +
    optional(m.commandDigest, isNonEmpty) +
    optional(m.hash, (v) => ChainHashCodec.is(v));
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
  return StreamIdCodec.is(line.streamId) && EventTypeCodec.is(line.type) && isJsonObject(line.data) && isMetadata(line.metadata);
};
