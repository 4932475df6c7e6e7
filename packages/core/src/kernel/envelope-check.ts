import { isIsoDate, IsoDateTime } from '../codecs/primitives.js';
import { CHAIN_HASH_PATTERN } from './chain.js';
import type { StoreLimits } from './limits.js';

/**
 * The checks `assertValidAppend` makes of every event, written by hand for the
 * events that pass them: one walk, no io-ts context, no allocation. Each
 * function answers only "certainly valid" (a size, or true) or "not sure"
 * (-1, or false); the codecs of envelope-codecs.ts then decide and word the
 * refusal. So a refusal always reads as the codecs say, and the property tests
 * of envelope-check.test.ts prove that these accept exactly what the codecs do.
 */

/** `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`: a UUID in lower case. */
export const LOWER_UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A letter of any script, then letters, digits or `_ . : -`, at most 100 code points in all. */
export const EVENT_TYPE_PATTERN = /^\p{L}[\p{L}\p{N}_.:-]{0,99}$/u;

/** What limits.ts refuses in any string (U+0000, a surrogate: paired ones are then looked at by the codecs' path). */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is looked for
const SUSPECT = /[\u0000\ud800-\udfff]/;
const NOT_WHITE_SPACE = /\S/;

/** 1 for each character code of a lower-case hex digit, 0 for every other code unit. */
const LOWER_HEX = new Uint8Array(65_536);
for (const c of '0123456789abcdef') LOWER_HEX[c.charCodeAt(0)] = 1;

/** Whether the characters of `u` from `from` to `to` are all lower-case hex digits. */
const hexRun = (u: string, from: number, to: number): number => {
  let all = 1;
  for (let i = from; i < to; i += 1) all &= LOWER_HEX[u.charCodeAt(i)] ?? 0;
  return all;
};

/** `LOWER_UUID_PATTERN`, char by char: hyphens at 8, 13, 18 and 23, lower-case hex digits in the five runs between. */
export const isLowerUuid = (u: unknown): boolean => {
  if (typeof u !== 'string' || u.length !== 36) return false;
  if (u.charCodeAt(8) !== 45 || u.charCodeAt(13) !== 45 || u.charCodeAt(18) !== 45 || u.charCodeAt(23) !== 45) return false;
  return (hexRun(u, 0, 8) & hexRun(u, 9, 13) & hexRun(u, 14, 18) & hexRun(u, 19, 23) & hexRun(u, 24, 36)) === 1;
};

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// Digits, _ . : - (the rest of an event type's ASCII characters).
const isTypeTail = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 58) || c === 95 || c === 46 || c === 45;

/** The type name accepted last: a batch's events mostly share their type. */
let lastTypeName: string | undefined;

/** `EVENT_TYPE_PATTERN`: char by char for ASCII names (in ASCII, \p{L} is A-Z a-z and \p{N} is 0-9), the pattern otherwise. */
export const isEventTypeName = (u: unknown): boolean => {
  if (typeof u !== 'string') return false;
  if (u === lastTypeName) return true;
  if (u.length === 0 || u.length > 100 || !isAsciiLetter(u.charCodeAt(0))) return EVENT_TYPE_PATTERN.test(u);
  for (let i = 1; i < u.length; i += 1) if (!isTypeTail(u.charCodeAt(i))) return EVENT_TYPE_PATTERN.test(u);
  lastTypeName = u;
  return true;
};

/** `NonEmptyString`: a first character from `!` to `~` settles it, /\S/ otherwise. */
export const isNonEmptyText = (u: unknown): u is string => {
  if (typeof u !== 'string') return false;
  const c = u.charCodeAt(0);
  return (c > 32 && c < 127) || NOT_WHITE_SPACE.test(u);
};

/** A string no content rule of limits.ts refuses: short enough, no U+0000, no surrogate at all (pairs are left to the codecs' path). */
const fits = (text: string, limits: StoreLimits): boolean => text.length <= limits.maxStringLength && !SUSPECT.test(text);

const short = (text: string, limits: StoreLimits): boolean => text.length <= limits.maxStringLength;

/** Keys seen without U+0000 or a surrogate: data keys repeat in every event of a type. */
const plainKeys = new Set<string>();
const PLAIN_KEY_LIMIT = 4_096;

/** `fits` for an object's key, remembering the keys that have no suspect character. */
const keyFits = (key: string, limits: StoreLimits): boolean => {
  if (key.length > limits.maxStringLength) return false;
  if (plainKeys.has(key)) return true;
  if (SUSPECT.test(key)) return false;
  if (plainKeys.size < PLAIN_KEY_LIMIT) plainKeys.add(key);
  return true;
};

/** The free text last found without a suspect character, for each of the two kinds that repeat from event to event. */
let lastActor: string | undefined;
let lastCommandText: string | undefined;

/** One metadata key: its check of a value that is not undefined, and its bit if every event must have it. */
interface MetadataField {
  readonly required: number;
  readonly valid: (value: unknown, limits: StoreLimits) => boolean;
}

// The keys every event's metadata must hold, as bits.
const REQUIRED = 0b1111;
const freeText = (value: unknown, limits: StoreLimits): boolean => isNonEmptyText(value) && fits(value, limits);
/** `freeText`, asking the pattern again only for a value other than the last one (the actor of a batch's events, their command's id). */
const repeatedText = (last: () => string | undefined, remember: (text: string) => void) => (value: unknown, limits: StoreLimits): boolean => {
  if (typeof value === 'string' && value === last()) return short(value, limits);
  if (!freeText(value, limits)) return false;
  remember(value as string);
  return true;
};
const optional = (valid: MetadataField['valid']): MetadataField => ({ required: 0, valid });

/** NewEventMetadataCodec, field by field, and the content rules its strings are held to (ids, dates and hashes are ASCII). */
const METADATA_FIELDS: ReadonlyMap<string, MetadataField> = new Map<string, MetadataField>([
  ['eventId', { required: 0b0001, valid: (v, limits) => isLowerUuid(v) && short(v as string, limits) }],
  ['occurredOn', { required: 0b0010, valid: (v, limits) => typeof v === 'string' && isIsoDate(v) && short(v, limits) }],
  ['actor', { required: 0b0100, valid: repeatedText(() => lastActor, (text) => (lastActor = text)) }],
  ['schemaVersion', { required: 0b1000, valid: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0 }],
  ['recordedAt', optional((v, limits) => IsoDateTime.is(v) && short(v, limits))],
  ['commandId', optional(repeatedText(() => lastCommandText, (text) => (lastCommandText = text)))],
  ['correlationId', optional(freeText)],
  ['causationId', optional(freeText)],
  ['commandDigest', optional(freeText)],
  ['hash', optional((v, limits) => typeof v === 'string' && CHAIN_HASH_PATTERN.test(v) && short(v, limits))],
]);

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !Array.isArray(value);
};

/**
 * The size limits.ts counts for valid metadata (`NewEventMetadataCodec`, no
 * unknown key, content within `limits`), or -1 when not sure it is valid.
 */
export const metadataSize = (metadata: unknown, limits: StoreLimits): number => {
  if (typeof metadata !== 'object' || metadata === null || !isPlainObject(metadata)) return -1;
  let size = 2;
  let seen = 0;
  for (const key in metadata) {
    const field = METADATA_FIELDS.get(key);
    const value = (metadata as Record<string, unknown>)[key];
    if (field === undefined) return -1;
    // Undefined is an absent key to the codecs and the content rules, but not where one is required.
    if (value === undefined && field.required === 0) continue;
    if (!field.valid(value, limits) || !short(key, limits)) return -1;
    seen |= field.required;
    size += key.length + 3 + (typeof value === 'number' ? 8 : (value as string).length + 3);
  }
  return seen === REQUIRED ? size : -1;
};

/** The size of a string, number, boolean or null, -1 for one a rule refuses, undefined for an object or array. */
const leafSize = (value: unknown, limits: StoreLimits): number | undefined => {
  if (typeof value === 'string') return fits(value, limits) ? value.length + 3 : -1;
  if (typeof value === 'number') return Number.isFinite(value) ? 8 : -1;
  if (typeof value === 'boolean' || value === null) return 6;
  return typeof value === 'object' ? undefined : -1;
};

const arraySize = (items: readonly unknown[], depth: number, limits: StoreLimits): number => {
  let size = 2;
  for (let i = 0; i < items.length; i += 1) {
    const inner = contentSize(items[i], depth + 1, limits);
    if (inner < 0) return -1;
    size += inner;
  }
  return size;
};

const objectSize = (value: object, depth: number, limits: StoreLimits): number => {
  if (!isPlainObject(value)) return -1;
  let size = 2;
  for (const key in value) {
    const inner: unknown = (value as Record<string, unknown>)[key];
    if (inner === undefined) continue;
    if (key === '__proto__' || !keyFits(key, limits)) return -1;
    const innerSize = contentSize(inner, depth + 1, limits);
    if (innerSize < 0) return -1;
    size += key.length + 3 + innerSize;
  }
  return size;
};

/**
 * The size limits.ts counts for a JSON value (each string and key by its
 * characters and 3, each number 8, each other value 6, each object or array 2
 * more), or -1 when not sure no content rule refuses it.
 */
export const contentSize = (value: unknown, depth: number, limits: StoreLimits): number => {
  const leaf = leafSize(value, limits);
  if (leaf !== undefined) return leaf;
  if (depth > limits.maxDepth) return -1;
  return Array.isArray(value) ? arraySize(value, depth, limits) : objectSize(value as object, depth, limits);
};

/**
 * Whether `event` certainly passes every check `assertValidAppend` makes of
 * one event: `NewEventCodec`, no unknown metadata key, the content rules and
 * the size limit of limits.ts. False means "ask the codecs".
 */
const isJsonObject = (u: unknown): u is object => typeof u === 'object' && u !== null && !Array.isArray(u);

export const isCertainlyValidEvent = (event: unknown, limits: StoreLimits): boolean => {
  if (!isJsonObject(event)) return false;
  const { type, data, metadata } = event as { readonly type?: unknown; readonly data?: unknown; readonly metadata?: unknown };
  if (!isEventTypeName(type) || !isJsonObject(data)) return false;
  const metadataChars = metadataSize(metadata, limits);
  if (metadataChars < 0) return false;
  const dataChars = contentSize(data, 1, limits);
  return dataChars >= 0 && dataChars + metadataChars + (type as string).length + 40 <= limits.maxEventSize;
};
