import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PersistentMap } from './persistent-map.js';

type Key = string | number;
type Op =
  | { readonly kind: 'set' | 'update' | 'adjust'; readonly key: Key; readonly value: number }
  | { readonly kind: 'delete'; readonly key: Key };

// Few distinct keys, so sets hit present keys and deletes hit and miss; numbers and strings, -0 and NaN included.
const key: fc.Arbitrary<Key> = fc.oneof(
  fc.integer({ min: -40, max: 40 }),
  fc.constantFrom(-0, Number.NaN, 2 ** 40, 0.5),
  fc.string({ maxLength: 3 }),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('set' as const, 'update' as const, 'adjust' as const), key, value: fc.integer({ min: -3, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), key }) },
);

// update adds to the value (from 0 when absent); adjust adds only to a present one.
const applied = (map: PersistentMap<Key, number>, o: Op): PersistentMap<Key, number> => {
  if (o.kind === 'delete') return map.delete(o.key);
  if (o.kind === 'update') return map.update(o.key, (n) => (n ?? 0) + o.value);
  if (o.kind === 'adjust') return map.adjust(o.key, (n) => n + o.value);
  return map.set(o.key, o.value);
};

const applyToModel = (model: Map<Key, number>, o: Op): void => {
  if (o.kind === 'delete') model.delete(o.key);
  else if (o.kind === 'set') model.set(o.key, o.value);
  else if (o.kind === 'update' || model.has(o.key)) model.set(o.key, (model.get(o.key) ?? 0) + o.value);
};

/** Everything a reader of a `ReadonlyMap` can see of it. */
const observed = (map: ReadonlyMap<Key, number>, probes: readonly Key[]) => {
  const seen: [Key, number][] = [];
  map.forEach((value, k) => seen.push([k, value]));
  return {
    size: map.size,
    entries: [...map],
    entriesOf: [...map.entries()],
    keys: [...map.keys()],
    values: [...map.values()],
    forEach: seen,
    gets: probes.map((k) => [map.has(k), map.get(k)]),
  };
};

describe('PersistentMap against a native Map', () => {
  it('reads like a Map after any sequence of sets and deletes, in insertion order', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), fc.array(key, { maxLength: 20 }), (ops, probes) => {
        const model = new Map<Key, number>();
        let map = PersistentMap.empty<Key, number>();
        for (const o of ops) {
          map = applied(map, o);
          applyToModel(model, o);
        }
        const keys = [...probes, ...ops.map((o) => o.key)];
        expect(observed(map, keys)).toEqual(observed(model, keys));
      }),
    );
  });

  it('leaves every earlier version unchanged by later sets and deletes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const model = new Map<Key, number>();
        let map = PersistentMap.empty<Key, number>();
        const versions: [PersistentMap<Key, number>, Map<Key, number>][] = [[map, new Map<Key, number>()]];
        for (const o of ops) {
          map = applied(map, o);
          applyToModel(model, o);
          versions.push([map, new Map(model)]);
        }
        const keys = ops.map((o) => o.key);
        for (const [version, snapshot] of versions) expect(observed(version, keys)).toEqual(observed(snapshot, keys));
      }),
    );
  });

  it('agrees with Map on many keys (deep tries) and with branches from one version', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 0, max: 2999 }), (keys, cut) => {
        const model = new Map<Key, number>();
        let map = PersistentMap.empty<Key, number>();
        keys.forEach((k, i) => {
          map = i % 4 === 3 ? map.delete(k) : map.set(k, i);
          if (i % 4 === 3) model.delete(k);
          else model.set(k, i);
        });
        const fork = map.set(`fork ${cut}`, cut).delete(keys[cut % keys.length]!);
        expect(observed(map, keys)).toEqual(observed(model, keys));
        expect(fork.size).toBe(model.size + 1 - (model.has(keys[cut % keys.length]!) ? 1 : 0));
      }),
      { numRuns: 50 },
    );
  });
});

describe('PersistentMap', () => {
  it('keeps colliding hashes apart', () => {
    // "Aa" and "BB" have the same 31-multiplier string hash.
    const map = PersistentMap.from<string, number>([['Aa', 1], ['BB', 2], ['AaBB', 3], ['BBAa', 4]]);
    expect([...map.adjust('BB', (n) => n + 10).update('Aa', (n) => (n ?? 0) + 10)]).toEqual([['Aa', 11], ['BB', 12], ['AaBB', 3], ['BBAa', 4]]);
    expect([...map]).toEqual([['Aa', 1], ['BB', 2], ['AaBB', 3], ['BBAa', 4]]);
    expect([...map.delete('Aa')]).toEqual([['BB', 2], ['AaBB', 3], ['BBAa', 4]]);
    expect(map.delete('BB').delete('Aa').get('BB')).toBeUndefined();
    expect(map.set('BB', 5).get('BB')).toBe(5);
  });

  it('returns itself for a set that changes nothing and a delete of an absent key', () => {
    const map = PersistentMap.empty<string, number>().set('a', 1);
    expect(map.set('a', 1)).toBe(map);
    expect(map.delete('b')).toBe(map);
    expect(map.update('a', (n) => (n ?? 0) + 1).get('a')).toBe(2);
  });

  it('adjusts a present key only, and updates a present or absent one', () => {
    const map = PersistentMap.from<string, number>([['a', 1], ['b', 2]]);
    expect([...map.adjust('b', (n) => n * 10)]).toEqual([['a', 1], ['b', 20]]);
    expect(map.adjust('c', (n) => n * 10)).toBe(map);
    expect(map.adjust('a', (n) => n)).toBe(map);
    expect([...map.update('c', (n) => (n ?? 0) + 3).update('a', (n) => (n ?? 0) + 3)]).toEqual([['a', 4], ['b', 2], ['c', 3]]);
    expect([...map]).toEqual([['a', 1], ['b', 2]]);
  });

  it('keys objects by identity, like Map', () => {
    const a = { id: 1 };
    const map = PersistentMap.empty<object, string>().set(a, 'a').set({ id: 1 }, 'other');
    expect(map.get(a)).toBe('a');
    expect(map.size).toBe(2);
    expect(Object.prototype.toString.call(map)).toBe('[object PersistentMap]');
  });

  it('folds 200,000 sets in linear time', () => {
    let map = PersistentMap.empty<string, number>();
    for (let i = 0; i < 200_000; i += 1) map = map.set(`v-${i % 1000}`, i);
    expect(map.size).toBe(1000);
    expect(map.get('v-999')).toBe(199_999);
  });
});
