import * as crypto from 'node:crypto';
import type { JsonObject } from './event.js';

/** A chain hash as events carry it in `metadata.hash`: `sha256:` and 64 lowercase hex digits. */
export const CHAIN_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** The encoding of each key seen, `"key":`: data keys repeat in every event of a type. */
const encodedKeys = new Map<string, string>();
const KEY_CACHE_LIMIT = 4_096;

const encodedKey = (key: string): string => {
  let encoded = encodedKeys.get(key);
  if (encoded === undefined) {
    encoded = `${JSON.stringify(key)}:`;
    if (encodedKeys.size < KEY_CACHE_LIMIT) encodedKeys.set(key, encoded);
  }
  return encoded;
};

/** A string JSON.stringify writes between quotes unchanged: no quote, backslash, control character or surrogate. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** A string exactly as JSON.stringify writes it, without calling it for the plain strings most values are. */
export const encodedString = (text: string): string => (PLAIN.test(text) ? `"${text}"` : JSON.stringify(text));

const canonicalArray = (items: readonly unknown[]): string => {
  let text = '[';
  for (let i = 0; i < items.length; i += 1) text += (i === 0 ? '' : ',') + canonicalJson(items[i]);
  return `${text}]`;
};

/**
 * The object's keys sorted by UTF-16 code units, as `<` compares strings (and
 * the default sort). Python sorts by code points: the two differ only between
 * a key character beyond U+FFFF and one from U+E000 to U+FFFF, which no event
 * key has. Insertion sort: objects have a handful of keys, often in order.
 */
const sortedKeys = (value: object): string[] => {
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i += 1) {
    const key = keys[i] ?? '';
    let j = i - 1;
    while (j >= 0 && (keys[j] ?? '') > key) {
      keys[j + 1] = keys[j] ?? '';
      j -= 1;
    }
    keys[j + 1] = key;
  }
  return keys;
};

export const canonicalObject = (value: Readonly<Record<string, unknown>>, skip?: string): string => {
  let text = '{';
  for (const key of sortedKeys(value)) {
    const inner = value[key];
    if (inner === undefined || key === skip) continue;
    text += (text.length === 1 ? '' : ',') + encodedKey(key) + canonicalJson(inner);
  }
  return `${text}}`;
};

/**
 * Canonical JSON (docs/tamper-evidence.md): object keys sorted by UTF-16 code
 * units, as JavaScript's default sort orders strings; no white space; strings,
 * numbers, booleans and null exactly as `JSON.stringify` writes them; arrays in
 * order. Keys whose value is `undefined` are left out, as `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return encodedString(value);
  // undefined (an array item; object keys holding it are left out) is written as JSON.stringify writes it in an array.
  if (value === undefined) return 'null';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return canonicalArray(value);
  return canonicalObject(value as Record<string, unknown>);
}

/** What the chain hash covers of an event: a recorded event, or one about to be stored at a known position. */
export interface ChainedEvent {
  readonly streamId: string;
  readonly streamPosition: bigint;
  readonly type: string;
  readonly data: JsonObject;
  /** Every metadata field the store keeps; a `hash` among them is left out of what is hashed. */
  readonly metadata: object;
}

/** Node 20.12 and later hash a string in one call; older ones through a Hash object. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
export const sha256Hex = (text: string): string =>
  oneShot === undefined ? crypto.createHash('sha256').update(text, 'utf8').digest('hex') : oneShot('sha256', text, 'hex');

/**
 * The text an event's chain hash is the SHA-256 of: the canonical JSON of
 * `{ data, metadata (without hash), previous, streamId, streamPosition (a
 * decimal string), type }`. Written here key by key in that (sorted) order.
 */
export const chainedText = (event: ChainedEvent, previous: string | null): string =>
  `{"data":${canonicalObject(event.data)},"metadata":${canonicalObject(event.metadata as Record<string, unknown>, 'hash')},` +
  `"previous":${previous === null ? 'null' : encodedString(previous)},"streamId":${encodedString(event.streamId)},` +
  `"streamPosition":"${event.streamPosition.toString()}","type":${encodedString(event.type)}}`;

/**
 * The chain hash of an event: `sha256:` and the lowercase hex SHA-256 of the
 * UTF-8 bytes of `chainedText`. `previous` is the hash of the event before it
 * in its stream, or null for the first event (or the first after events that
 * were stored before hashes existed).
 */
export const eventHash = (event: ChainedEvent, previous: string | null): string => `sha256:${sha256Hex(chainedText(event, previous))}`;
