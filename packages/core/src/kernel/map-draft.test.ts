import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MapDraft } from './map-draft.js';
import { PersistentMap } from './persistent-map.js';

type Op = { readonly kind: 'set'; readonly key: number; readonly value: number } | { readonly kind: 'delete'; readonly key: number };

// Few keys, so that sets and deletes hit keys of the base, keys added in the draft and keys deleted before.
const key = fc.integer({ min: 0, max: 7 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key, value: fc.integer({ min: 0, max: 99 }) }),
  fc.record({ kind: fc.constant('delete' as const), key }),
);

const made = (map: PersistentMap<number, number>, o: Op): PersistentMap<number, number> => (o.kind === 'set' ? map.set(o.key, o.value) : map.delete(o.key));

describe('MapDraft', () => {
  it('reads, and commits to, what the same sets and deletes one by one give, in the same order', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.array(op, { maxLength: 30 }), (before, changes) => {
        const base = before.reduce(made, PersistentMap.empty<number, number>());
        const draft = new MapDraft(base);
        let oneByOne = base;
        for (const o of changes) {
          if (o.kind === 'set') draft.set(o.key, o.value);
          else draft.delete(o.key);
          oneByOne = made(oneByOne, o);
          for (let k = 0; k <= 7; k += 1) expect([draft.has(k), draft.get(k)]).toEqual([oneByOne.has(k), oneByOne.get(k)]);
        }
        const committed = draft.commit();
        expect([...committed]).toEqual([...oneByOne]);
        expect(committed.size).toBe(oneByOne.size);
        expect([...base]).toEqual([...before.reduce(made, PersistentMap.empty<number, number>())]);
      }),
      { numRuns: 1_000 },
    );
  });

  it('commits to the base itself when nothing changed', () => {
    const base = PersistentMap.from([['a', 1]]);
    expect(new MapDraft(base).commit()).toBe(base);
  });
});
