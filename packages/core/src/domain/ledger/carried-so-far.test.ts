import { describe, expect, it } from 'vitest';
import { carriedSoFar } from './carried-so-far.js';

describe('the balances a year opens with while the year before is open', () => {
  it('adds that year’s movements to what it opened with, leaving out what its close will move (5…, 321, 322)', () => {
    const openedWith = new Map([['101', 50_000n], ['102', 800_000n], ['32201', -10_000n]]);
    const movements = new Map([['102', -300_000n], ['101', 300_000n], ['501', -80_000n], ['513', 5_000n], ['321', 1_000n], ['151', 75_000n]]);
    expect(carriedSoFar(openedWith, movements)).toEqual(new Map([['101', 350_000n], ['102', 500_000n], ['151', 75_000n]]));
  });
});
