import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContractRecord, ContractView } from '../domain/contracts/index.js';
import { Money } from '../money/money.js';
import { arrearsFigures } from './arrears-figures.js';
import type { VillageContract } from './contract-projection.js';

const START = Date.parse('2024-01-01T00:00:00Z');
const dateOf = (day: number): string => new Date(START + day * 86_400_000).toISOString().slice(0, 10);

const contract = fc.record({
  party: fc.constantFrom('甲', '乙', '丙'),
  due: fc.array(fc.record({ day: fc.integer({ min: 0, max: 800 }), fen: fc.integer({ min: 1, max: 1_000_000 }) }), { minLength: 1, maxLength: 6 }),
  paid: fc.array(fc.record({ day: fc.integer({ min: 0, max: 800 }), share: fc.integer({ min: 1, max: 600_000 }) }), { maxLength: 6 }),
});

/** One generated contract. */
type Plan = typeof contract extends fc.Arbitrary<infer P> ? P : never;

/** A contract view as the register would hold it: the schedule in due order, payments in date order, none above what is scheduled. */
const viewOf = (c: Plan, k: number): VillageContract => {
  const schedule = [...c.due].sort((a, b) => a.day - b.day).map((i, n) => ({ no: n + 1, dueOn: dateOf(i.day), fen: BigInt(i.fen), grain: undefined }));
  let left = schedule.reduce((s, i) => s + i.fen, 0n);
  const payments = [...c.paid]
    .sort((a, b) => a.day - b.day)
    .flatMap((p) => {
      const fen = BigInt(p.share) < left ? BigInt(p.share) : left;
      left -= fen;
      return fen === 0n ? [] : [{ on: dateOf(p.day), fen, toReceivable: 0n, toPrepayment: fen }];
    });
  const card = { contractId: `c${k}`, title: '合同', counterparty: { name: c.party, kind: 'household' }, schedule } as unknown as ContractRecord;
  const view: ContractView = { card, recognitions: [], payments, reviews: [], changes: [], termination: undefined };
  return { villageId: 'v', view };
};

const period = fc.tuple(fc.integer({ min: 0, max: 820 }), fc.integer({ min: 0, max: 820 })).map(([a, b]) => ({ from: dateOf(Math.min(a, b)), to: dateOf(Math.max(a, b)) }));

describe('the arrears figures', () => {
  it('always add up: outstanding = overdue − collected, collected ≤ overdue, and the age bands and counterparties sum to the totals', () => {
    fc.assert(
      fc.property(fc.array(contract, { minLength: 1, maxLength: 5 }), period, (contracts, p) => {
        const f = arrearsFigures(contracts.map(viewOf), p);
        expect(f.outstanding.toString()).toBe(f.overdue.minus(f.collected).toString());
        expect(f.collected.lte(f.overdue)).toBe(true);
        expect(Money.sum(f.byAge.map((b) => b.outstanding)).toString()).toBe(f.outstanding.toString());
        for (const key of ['overdue', 'collected', 'outstanding'] as const) expect(Money.sum(f.byCounterparty.map((c) => c[key])).toString()).toBe(f[key].toString());
        expect(f.rate === undefined).toBe(f.overdue.isZero());
      }),
      { numRuns: 300 },
    );
  });
});
