import * as t from 'io-ts';
import { struct } from '../codecs/struct.js';
import { NonEmptyString, refinedString } from '../codecs/primitives.js';

/** The one sealing scheme this version writes and reads. */
export const SEALED_V1 = 'aes-256-gcm:v1';

/** Standard base64 of exactly `bytes` bytes (or, when `bytes` is undefined, of any length). */
const base64Of = (bytes: number | undefined): ((s: string) => boolean) => {
  const length = bytes === undefined ? undefined : Math.ceil(bytes / 3) * 4;
  return (s) => (length === undefined || s.length === length) && s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
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
export const PersonalText = t.union([NonEmptyString, SealedField], 'a personal field (text, or a sealed value)');
export type PersonalText = t.TypeOf<typeof PersonalText>;

export const isSealed = (value: unknown): value is SealedField =>
  typeof value === 'object' && value !== null && (value as { sealed?: unknown }).sealed === SEALED_V1;
