import * as t from 'io-ts';
import { struct } from '../codecs/struct.js';
import { NonEmptyString, refinedString } from '../codecs/primitives.js';

/** The one sealing scheme this version writes and reads. */
export const SEALED_V1 = 'aes-256-gcm:v1';

/** A base64 digit: A-Z, a-z, 0-9, + or /. */
const isBase64Digit = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;

/** Standard base64 of exactly `bytes` bytes (or, when `bytes` is undefined, of any length): digits, then at most two `=`. */
const base64Of = (bytes: number | undefined): ((s: string) => boolean) => {
  const length = bytes === undefined ? undefined : Math.ceil(bytes / 3) * 4;
  return (s) => {
    if ((length !== undefined && s.length !== length) || s.length % 4 !== 0) return false;
    let end = s.length;
    while (end > 0 && end > s.length - 2 && s.charCodeAt(end - 1) === 61) end -= 1;
    for (let i = 0; i < end; i += 1) if (!isBase64Digit(s.charCodeAt(i))) return false;
    return true;
  };
};

/**
 * A personal field as it is stored (docs/personal-data.md): the text
 * encrypted with AES-256-GCM under the key `key` of the personal-data key
 * store, with a random 96-bit `iv`, the ciphertext in `data` and the 128-bit
 * authentication `tag`, all base64. The key id is also the additional
 * authenticated data, so a sealed value cannot be moved to another member.
 */
export const SealedField = struct(
  'a sealed personal field',
  {
    sealed: t.literal(SEALED_V1),
    key: NonEmptyString,
    iv: refinedString<'Iv'>('a base64 96-bit IV', base64Of(12)),
    data: refinedString<'Ciphertext'>('base64 ciphertext', base64Of(undefined)),
    tag: refinedString<'Tag'>('a base64 128-bit tag', base64Of(16)),
  },
  {},
);
export type SealedField = t.TypeOf<typeof SealedField>;

/** A personal field in an event: plain text (recorded before sealing, or imported so) or sealed. */
export type PersonalText = NonEmptyString | SealedField;

const personalTextName = 'a personal field (text, or a sealed value)';
const members: [typeof NonEmptyString, typeof SealedField] = [NonEmptyString, SealedField];

/**
 * A union of the two, deciding by the value's kind which one to try (text or
 * object), so that a sealed field, read back in every fold of a village's
 * stream, is not first tried as text and refused.
 */
export const PersonalText = new t.UnionType<typeof members, PersonalText, PersonalText, unknown>(
  personalTextName,
  (u): u is PersonalText => NonEmptyString.is(u) || SealedField.is(u),
  (u, c) => (typeof u === 'string' ? NonEmptyString.validate(u, c) : typeof u === 'object' && u !== null ? SealedField.validate(u, c) : t.failure(u, c, `expected ${personalTextName}`)),
  (a) => a,
  members,
);

export const isSealed = (value: unknown): value is SealedField =>
  typeof value === 'object' && value !== null && (value as { sealed?: unknown }).sealed === SEALED_V1;
