import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventIdIndex } from './event-id-index.js';

describe('EventIdIndex', () => {
  it('answers as a Set of the ids added would, through every growth', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.uuid(), fc.string({ maxLength: 6 })), { maxLength: 3_000 }), fc.array(fc.oneof(fc.uuid(), fc.string({ maxLength: 6 })), { maxLength: 200 }), (ids, others) => {
        const index = new EventIdIndex((position) => ids[position] ?? '');
        const added = new Set<string>();
        ids.forEach((id, position) => {
          expect(index.has(id)).toBe(false);
          index.add(id, position);
          added.add(id);
        });
        expect(index.size).toBe(ids.length);
        for (const id of [...ids, ...others]) expect(index.has(id)).toBe(added.has(id));
      }),
      { numRuns: 100 },
    );
  });

  it('tells apart a million ids that differ in one hex digit of their last group', () => {
    const id = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    const ids: string[] = [];
    const index = new EventIdIndex((position) => ids[position] ?? '');
    for (let n = 0; n < 1_000_000; n += 2) {
      ids.push(id(n));
      index.add(id(n), ids.length - 1);
    }
    for (let n = 0; n < 1_000_000; n += 997) expect(index.has(id(n))).toBe(n % 2 === 0);
  });
});
