import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOf, isEarlier, type Instant } from './instant.js';

const at = (timestamp: string): Instant => {
  const instant = instantOf(timestamp);
  if (instant === undefined) throw new Error(`not a timestamp: ${timestamp}`);
  return instant;
};

describe('instants of timestamps', () => {
  it('compare the moments, whatever the zone or the number of decimals', () => {
    expect(at('2024-03-31T18:00:00+08:00')).toEqual(at('2024-03-31T10:00:00.000Z'));
    expect(isEarlier(at('2024-03-31T17:59:59.999+08:00'), at('2024-03-31T10:00:00Z'))).toBe(true);
    expect(isEarlier(at('2024-03-31T10:00:00Z'), at('2024-03-31T10:00:00.000000001Z'))).toBe(true);
    expect(isEarlier(at('2024-03-31T10:00:00.0005Z'), at('2024-03-31T10:00:00.000499999Z'))).toBe(false);
    expect(isEarlier(at('2024-03-31T10:00:00Z'), at('2024-03-31T10:00:00.000Z'))).toBe(false);
  });

  it('are undefined for text that is not a timestamp with seconds and a zone', () => {
    for (const text of ['2024-03-31', '2024-03-31T10:00:00', '2024-02-30T10:00:00Z', 'yesterday', '']) expect(instantOf(text)).toBeUndefined();
  });

  it('order as the dates do for every millisecond timestamp a store stamps', () => {
    const moment = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) });
    fc.assert(
      fc.property(moment, moment, (a, b) => {
        const [x, y] = [new Date(a).toISOString(), new Date(b).toISOString()];
        expect(isEarlier(at(x), at(y))).toBe(a < b);
      }),
    );
  });
});
