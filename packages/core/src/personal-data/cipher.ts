import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SEALED_V1, type SealedField } from './sealed-field.js';

/** AES-256 takes a 256-bit key; GCM a 96-bit IV and gives a 128-bit tag. */
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that does not open: changed ciphertext, IV or tag, or another key than the one it was sealed with. */
export class SealedFieldError extends Error {
  override readonly name = 'SealedFieldError';
}

const checkKey = (keyId: string, secret: Uint8Array): void => {
  if (secret.length !== KEY_BYTES) throw new SealedFieldError(`personal-data key ${keyId} has ${secret.length} bytes; an AES-256 key has ${KEY_BYTES}`);
};

/** Encrypt `text` under the key `keyId` (its `secret`), with a fresh random IV. */
export const sealText = (text: string, keyId: string, secret: Uint8Array): SealedField => {
  checkKey(keyId, secret);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secret, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return { sealed: SEALED_V1, key: keyId, iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') } as SealedField;
};

/**
 * Decrypt a sealed value with its key. GCM authenticates the ciphertext, the
 * IV, the tag and the key id: any change is refused with a `SealedFieldError`
 * naming `where` (the field), never decrypted to wrong text.
 */
export const openSealed = (sealed: SealedField, secret: Uint8Array, where: string): string => {
  checkKey(sealed.key, secret);
  const tag = Buffer.from(sealed.tag, 'base64');
  const iv = Buffer.from(sealed.iv, 'base64');
  if (tag.length !== TAG_BYTES || iv.length !== IV_BYTES) {
    throw new SealedFieldError(`${where}: the sealed value's iv or tag has the wrong length (${IV_BYTES} and ${TAG_BYTES} bytes expected)`);
  }
  const decipher = createDecipheriv('aes-256-gcm', secret, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(sealed.key, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedFieldError(
      `${where}: the sealed value does not authenticate with key ${sealed.key}: its data, iv or tag was changed, or it was sealed with another key`,
    );
  }
};

/** A new random key. */
export const newKeySecret = (): Uint8Array => new Uint8Array(randomBytes(KEY_BYTES));
