import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PersistentList } from './persistent-list.js';

describe('PersistentList', () => {
  it('reads like the array of its items, and earlier lists keep theirs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 100 }), (items) => {
        let list = PersistentList.empty<number>();
        const versions = [list];
        for (const item of items) versions.push((list = list.append(item)));
        versions.forEach((version, n) => {
          expect([...version]).toEqual(items.slice(0, n));
          expect(version.length).toBe(n);
          expect(version.at(-1)).toBe(items[n - 1]);
          expect(version.some((x) => x > 0)).toBe(items.slice(0, n).some((x) => x > 0));
        });
        expect(PersistentList.from(items).toArray()).toEqual(items);
      }),
    );
  });
});
