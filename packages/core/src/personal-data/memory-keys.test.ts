import { describe, expect, it } from 'vitest';
import { InMemoryPersonalDataKeys } from './memory-keys.js';

describe('InMemoryPersonalDataKeys', () => {
  it('creates a key once, reads it back, and destroys it', async () => {
    const keys = new InMemoryPersonalDataKeys();
    const first = await keys.getOrCreate('member/v/m1');
    expect(first).toHaveLength(32);
    expect(await keys.getOrCreate('member/v/m1')).toEqual(first);
    expect(await keys.read('member/v/m1')).toEqual(first);
    expect(await keys.read('member/v/m2')).toBeUndefined();
    const other = await keys.getOrCreate('member/v/m2');
    expect(other).not.toEqual(first);
    expect([...(await keys.readMany(['member/v/m1', 'member/v/m3', 'member/v/m2'])).keys()]).toEqual(['member/v/m1', 'member/v/m2']);
    expect(await keys.destroy('member/v/m1')).toBe(true);
    expect(await keys.destroy('member/v/m1')).toBe(false);
    expect(await keys.read('member/v/m1')).toBeUndefined();
    expect(await keys.read('member/v/m2')).toEqual(other);
  });
});
