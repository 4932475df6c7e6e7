import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../money/decimal.js';
import { Money } from '../../money/money.js';
import { allocateDividends } from './dividends.js';
import type { Holdings } from './share-register.js';

const RUNS = { numRuns: 1000 };

/** A member's shares as generated: member shares, labour-age shares (quarters), maybe none at all. */
interface Generated {
  readonly memberId: string;
  readonly member: number;
  readonly labourQuarters: number;
}

const holder = fc.record({ member: fc.integer({ min: 0, max: 3 }), labourQuarters: fc.integer({ min: 0, max: 200 }) });
/** Distinct member ids in a random (registration) order. */
const holders = fc
  .uniqueArray(fc.stringMatching(/^m[0-9a-z]{1,6}$/), { minLength: 1, maxLength: 40 })
  .chain((ids) => fc.tuple(fc.constant(ids), fc.array(holder, { minLength: ids.length, maxLength: ids.length })))
  .map(([ids, shares]): Generated[] => ids.map((memberId, i) => ({ memberId, ...(shares[i] ?? { member: 0, labourQuarters: 0 }) })));
const poolFen = fc.bigInt({ min: 0n, max: 10_000_000_000n });
const labourWeight = fc.constantFrom('0', '0.5', '1', '2');
const collectiveShares = fc.integer({ min: 0, max: 50 });

const holdingsOf = (list: readonly Generated[], collective: number): Holdings => ({
  members: new Map(
    list.map((g) => {
      const classes = new Map<string, Dec>();
      if (g.member > 0) classes.set('member', new Dec(g.member));
      if (g.labourQuarters > 0) classes.set('labour', new Dec(g.labourQuarters).div(4));
      return [g.memberId, classes];
    }),
  ),
  collective: collective > 0 ? new Map([['collective', new Dec(collective)]]) : new Map(),
});

const weightsOf = (labour: string) => new Map([['labour', new Dec(labour)]]);
const hasWeight = (list: readonly Generated[], collective: number, labour: string) => collective > 0 || list.some((g) => g.member > 0 || (g.labourQuarters > 0 && labour !== '0'));

/** Each holder's weighted shares computed here, independently, in eighths of a share (quarters of a share × halves of a weight). */
const eighthsOf = (g: Generated, labour: string): bigint => BigInt(g.member * 8) + BigInt(g.labourQuarters) * BigInt(Number(labour) * 2);

const byMember = (list: readonly { memberId: string; amount: Money }[]) => Object.fromEntries(list.map((h) => [h.memberId, h.amount.toString()]));

describe('dividends by shares (property-based)', () => {
  it('the members’ dividends and the collective’s part add up exactly to the pool', () => {
    fc.assert(
      fc.property(holders, collectiveShares, poolFen, labourWeight, (list, collective, fen, labour) => {
        fc.pre(hasWeight(list, collective, labour));
        const { holders: parts, retained } = allocateDividends(Money.fromFen(fen), holdingsOf(list, collective), weightsOf(labour));
        expect(parts.reduce((sum, p) => sum + p.amount.toFen(), retained.toFen())).toBe(fen);
      }),
      RUNS,
    );
  });

  it('every member is within one fen of their exact proportional share', () => {
    fc.assert(
      fc.property(holders, collectiveShares, poolFen, labourWeight, (list, collective, fen, labour) => {
        fc.pre(hasWeight(list, collective, labour));
        const { holders: parts } = allocateDividends(Money.fromFen(fen), holdingsOf(list, collective), weightsOf(labour));
        const eighths = new Map(list.map((g) => [g.memberId, eighthsOf(g, labour)]));
        const total = [...eighths.values()].reduce((a, b) => a + b, BigInt(collective * 8));
        for (const p of parts) {
          // |amount − pool × q / total| < 1 fen  ⇔  |amount × total − pool × q| < total
          const gap = p.amount.toFen() * total - fen * (eighths.get(p.memberId) ?? 0n);
          expect(gap < total && -gap < total).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('gives the same dividends whatever order the members were registered in', () => {
    fc.assert(
      fc.property(holders, collectiveShares, poolFen, labourWeight, (list, collective, fen, labour) => {
        fc.pre(hasWeight(list, collective, labour));
        const reversed = [...list].reverse();
        const rotated = [...list.slice(1), ...list.slice(0, 1)];
        const results = [list, reversed, rotated].map((l) => byMember(allocateDividends(Money.fromFen(fen), holdingsOf(l, collective), weightsOf(labour)).holders));
        expect(results[1]).toEqual(results[0]);
        expect(results[2]).toEqual(results[0]);
      }),
      RUNS,
    );
  });

  it('members whose shares weigh nothing get nothing', () => {
    fc.assert(
      fc.property(holders, collectiveShares, poolFen, labourWeight, (list, collective, fen, labour) => {
        fc.pre(hasWeight(list, collective, labour));
        const { holders: parts } = allocateDividends(Money.fromFen(fen), holdingsOf(list, collective), weightsOf(labour));
        for (const p of parts) if (p.weightedShares.isZero()) expect(p.amount.isZero()).toBe(true);
      }),
      RUNS,
    );
  });

  it('adding a member with zero shares changes nobody’s dividend', () => {
    fc.assert(
      fc.property(holders, collectiveShares, poolFen, fc.tuple(labourWeight, fc.stringMatching(/^m[0-9a-z]{1,6}$/)), (list, collective, fen, [labour, newcomer]) => {
        fc.pre(hasWeight(list, collective, labour) && !list.some((g) => g.memberId === newcomer));
        const before = allocateDividends(Money.fromFen(fen), holdingsOf(list, collective), weightsOf(labour));
        const after = allocateDividends(Money.fromFen(fen), holdingsOf([...list, { memberId: newcomer, member: 0, labourQuarters: 0 }], collective), weightsOf(labour));
        const { [newcomer]: added, ...others } = byMember(after.holders);
        expect(added).toBe('0.00');
        expect(others).toEqual(byMember(before.holders));
        expect(after.retained.equals(before.retained)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('dividends by shares (worked)', () => {
  it('gives the fen left over to the larger remainders, equal ones to the smaller member id', () => {
    // 100.00 over three equal holders: 33.33 each and one fen over, to m-a, whichever order they come in.
    const three = ['m-c', 'm-a', 'm-b'].map((memberId) => ({ memberId, member: 1, labourQuarters: 0 }));
    const { holders: parts } = allocateDividends(Money.of('100.00'), holdingsOf(three, 0), weightsOf('1'));
    expect(byMember(parts)).toEqual({ 'm-a': '33.34', 'm-b': '33.33', 'm-c': '33.33' });
  });
});
