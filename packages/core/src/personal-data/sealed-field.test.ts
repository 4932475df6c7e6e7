import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SealedField } from './sealed-field.js';

const sealedWith = (parts: { iv?: string; data?: string; tag?: string }) => ({
  sealed: 'aes-256-gcm:v1',
  key: 'member/v/m1',
  iv: Buffer.alloc(12, 1).toString('base64'),
  data: Buffer.from('140105196501011234').toString('base64'),
  tag: Buffer.alloc(16, 2).toString('base64'),
  ...parts,
});

/** The definition the check implements: standard base64, padding only at the end. */
const isBase64 = (s: string): boolean => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);

describe('SealedField', () => {
  it('takes the data of any bytes as base64, and the IV and tag only at their lengths', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(SealedField.is(sealedWith({ data: Buffer.from(bytes).toString('base64') }))).toBe(true);
      }),
    );
    expect(SealedField.is(sealedWith({ iv: Buffer.alloc(16).toString('base64') }))).toBe(false);
    expect(SealedField.is(sealedWith({ tag: Buffer.alloc(12).toString('base64') }))).toBe(false);
  });

  it('judges any text as data exactly as the base64 pattern does', () => {
    const text = fc.string({ unit: fc.constantFrom('A', 'z', '0', '+', '/', '=', '-', '_', ' ', '中'), maxLength: 12 });
    fc.assert(
      fc.property(text, (data) => {
        expect(SealedField.is(sealedWith({ data }))).toBe(isBase64(data));
      }),
      { numRuns: 5_000 },
    );
  });
});
