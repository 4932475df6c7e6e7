import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandDigest } from './command-digest.js';

const webCryptoDigest = async (text: string): Promise<string> => {
  const bytes = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `sha256:${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
};

describe('commandDigest', () => {
  it('is the SHA-256 of the canonical text, byte for byte what WebCrypto gives (so digests recorded earlier still match)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), async (name, text) => {
        const input = { b: text, a: [1, { d: null, c: 'x' }] };
        const canonical = `{"command":${JSON.stringify(name)},"input":{"a":[1,{"c":"x","d":null}],"b":${JSON.stringify(text)}},"occurredOn":"2022-06-30"}`;
        expect(await commandDigest(name, '2022-06-30', input)).toBe(await webCryptoDigest(canonical));
      }),
      { numRuns: 200 },
    );
  });

  it('leaves out undefined fields and ignores key order', async () => {
    expect(await commandDigest('c', '2022-01-01', { a: 1, b: undefined, c: 2 })).toBe(await commandDigest('c', '2022-01-01', { c: 2, a: 1 }));
  });
});
