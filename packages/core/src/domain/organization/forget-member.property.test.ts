import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import { verifyStore } from '../../audit/verify.js';
import { runReport } from '../../reports/definitions/run-report.js';
import { reports } from '../../reports/definitions/registry.js';
import type { AnyReportDefinition } from '../../reports/definitions/definition.js';
import { allotments, dividendsStep, plan, quantification, testShares, type TestShares } from '../shares/test-shares.js';
import { forgetMember } from './forget-member.js';

const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Books of random allotments, income and payments: the shape of a year's distribution, small. */
const booksArbitrary = fc.record({
  labour: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })),
  incomeFen: fc.integer({ min: 1_000_00, max: 500_000_00 }),
  percent: fc.integer({ min: 1, max: 100 }),
  paid: fc.subarray(['m1', 'm2', 'm3', 'm4']),
  forgotten: fc.subarray(['m1', 'm2', 'm3', 'm4'], { minLength: 1 }),
});

type Plan = typeof booksArbitrary extends fc.Arbitrary<infer P> ? P : never;

const written = async (p: Plan): Promise<TestShares> => {
  const books = await testShares();
  const labour = p.labour.map((shares, i) => ({ memberId: `m${i + 1}`, classId: 'labour', shares: String(shares) })).filter((a) => a.shares !== '0');
  await books.ok('quantify', quantification({ allotments: [...allotments.filter((a) => a.classId !== 'labour'), ...labour] }));
  await books.voucher('记-001', '2023-05-10', [['102', 'debit', yuan(p.incomeFen)], ['501', 'credit', yuan(p.incomeFen)]]);
  await books.close(2023);
  await books.ok('distribute', plan([{ kind: 'reserve', account: '32201' }, dividendsStep({ percent: String(p.percent) })]));
  if (p.paid.length > 0) await books.ok('pay', { year: 2023, paidOn: '2024-04-01', account: '102', payments: p.paid.map((memberId) => ({ memberId })) });
  return books;
};

/** Every Money figure the share and ledger reports give, as their JSON. */
const figures = async (books: TestShares) => {
  const run = (name: 'shares' | 'dividends' | 'distribution' | 'trial-balance' | 'balance-sheet', options: object) =>
    runReport(books.store, books.context.catalog, reports[name] as AnyReportDefinition, options);
  return [
    await run('shares', { village: 'v', asOf: '2024-12-31' }),
    await run('dividends', { village: 'v', year: 2023 }),
    await run('distribution', { village: 'v', year: 2023 }),
    await run('trial-balance', { village: 'v', year: 2024 }),
    await run('balance-sheet', { village: 'v', year: 2024 }),
  ];
};

describe('forgetting members', () => {
  it('never changes a figure of the books, and the store still verifies', async () => {
    await fc.assert(
      fc.asyncProperty(booksArbitrary, async (p) => {
        const books = await written(p);
        const before = await figures(books);
        for (const memberId of p.forgotten) {
          const erased = await forgetMember(books.context, { commandId: `forget-${memberId}`, actor: '会计', input: { organizationId: 'v', memberId, erasedOn: '2024-06-01', reason: '本人申请' } });
          expect(isRight(erased)).toBe(true);
        }
        expect(await figures(books)).toEqual(before);
        expect((await verifyStore(books.store)).findings).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});
