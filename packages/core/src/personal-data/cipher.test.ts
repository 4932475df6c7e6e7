import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newKeySecret, openSealed, sealText, SealedFieldError } from './cipher.js';
import { SealedField } from './sealed-field.js';

const KEY = 'member/v1/m1';

/** The same base64 with its first byte flipped. */
const flipped = (base64: string): string => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
};

describe('sealing a personal field', () => {
  it('opens to the text it sealed, and the stored shape names scheme, key, iv, data and tag', () => {
    const secret = newKeySecret();
    const sealed = sealText('110101199003071234', KEY, secret);
    expect(Object.keys(sealed)).toEqual(['sealed', 'key', 'iv', 'data', 'tag']);
    expect(sealed.sealed).toBe('aes-256-gcm:v1');
    expect(SealedField.is(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('110101199003071234');
    expect(openSealed(sealed, secret, 'idNumber')).toBe('110101199003071234');
  });

  it('uses a fresh IV each time: the same text seals to different values', () => {
    const secret = newKeySecret();
    const a = sealText('同一地址', KEY, secret);
    const b = sealText('同一地址', KEY, secret);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it.each(['data', 'tag', 'iv'] as const)('refuses a value whose %s was changed, naming the field', (part) => {
    const secret = newKeySecret();
    const sealed = sealText('13800138000', KEY, secret);
    const tampered = { ...sealed, [part]: flipped(sealed[part]) } as SealedField;
    expect(() => openSealed(tampered, secret, 'phone of m1')).toThrow(SealedFieldError);
    expect(() => openSealed(tampered, secret, 'phone of m1')).toThrow(/^phone of m1: the sealed value does not authenticate with key member\/v1\/m1/);
  });

  it('refuses a value moved to another key id, and a value opened with another key', () => {
    const secret = newKeySecret();
    const sealed = sealText('13800138000', KEY, secret);
    expect(() => openSealed({ ...sealed, key: 'member/v1/m2' } as SealedField, secret, 'idNumber')).toThrow(SealedFieldError);
    expect(() => openSealed(sealed, newKeySecret(), 'idNumber')).toThrow(SealedFieldError);
  });

  it('any text round-trips', () => {
    const secret = newKeySecret();
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (text) => {
        expect(openSealed(sealText(text, KEY, secret), secret, 'field')).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
