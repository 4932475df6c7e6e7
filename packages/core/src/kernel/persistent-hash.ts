/**
 * 32-bit hashes of map keys, consistent with SameValueZero (`0` and `-0`
 * alike, `NaN` one key): strings and numbers by value, objects and symbols by
 * identity.
 */

/** murmur3's finaliser: every input bit moves the low bits the trie reads first. */
const mix = (h: number): number => {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
};

const hashString = (s: string): number => {
  let h = 0;
  for (let i = 0; i < s.length; i += 1) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return mix(h);
};

const hashNumber = (n: number): number => ((n | 0) === n ? mix(n) : hashString(String(n)));

const identities = new WeakMap<object, number>();
const symbols = new Map<symbol, number>();
let nextIdentity = 1;

const identityOf = (key: object | symbol): number => {
  const table = (typeof key === 'symbol' ? symbols : identities) as Map<object | symbol, number>;
  let id = table.get(key);
  if (id === undefined) table.set(key, (id = mix((nextIdentity += 1))));
  return id;
};

export const hashOf = (key: unknown): number => {
  switch (typeof key) {
    case 'string':
      return hashString(key);
    case 'number':
      return hashNumber(key);
    case 'object':
    case 'function':
      return key === null ? 0 : identityOf(key);
    case 'symbol':
      return identityOf(key);
    case 'bigint':
      return hashString(key.toString());
    case 'boolean':
      return key ? 1 : 2;
    case 'undefined':
      return 3;
  }
};
