import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BooksCheck } from '../../audit/books-check.js';
import { runProjection } from '../../kernel/projection.js';
import { Money } from '../../money/money.js';
import { accountBalances, closingBalance, yearWindow } from '../../reports/balances.js';
import { debtsReport } from '../../reports/definitions/debts.js';
import { runReport } from '../../reports/definitions/run-report.js';
import { overAnyEvent } from '../../reports/statement.js';
import { bankLoan, testDebts, type DebtService } from './test-debts.js';

type Books = Awaited<ReturnType<typeof testDebts>>;

const approval = { body: 'members-assembly', approvedOn: '2023-03-01', resolution: '成员大会决议' };

/** The input of a resolution of `fen` by `method`, on day `day` of March. */
const resolution = (method: number, fen: bigint, day: number): [DebtService, object] => {
  const common = { debtId: 'd1', resolvedOn: `2023-03-${String(day).padStart(2, '0')}`, amount: Money.fromFen(fen).toString() };
  switch (method) {
    case 0:
      return ['repay', common];
    case 1:
      return ['restructure', { ...common, toAccount: '221', terms: '展期', reduction: Money.fromFen(fen / 3n).toString() }];
    case 2:
      return ['offset', { ...common, receivableAccount: '112' }];
    default:
      return ['writeOff', { ...common, approval }];
  }
};

/** Every event of the store, as a checked import reads it: what the rules of the books find wrong. */
const errorsOf = async (books: Books): Promise<string[]> => {
  const check = new BooksCheck();
  const found: string[] = [];
  for await (const e of books.store.readAll()) {
    for (const f of check.check({ streamId: e.streamId, type: e.type, data: e.data, metadata: e.metadata }, { streamId: e.streamId })) if (f.severity === 'error') found.push(`${f.rule}: ${f.message}`);
  }
  return [...found, ...check.finish().filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`)];
};

const netOfAllAccounts = async (books: Books): Promise<bigint> => {
  const { state } = await runProjection(books.store, books.context.catalog, overAnyEvent(accountBalances(yearWindow(2023))));
  return [...(state.get('v')?.values() ?? [])].reduce((sum, t) => sum + closingBalance(t), 0n);
};

const steps = fc.array(fc.record({ method: fc.integer({ min: 0, max: 3 }), part: fc.integer({ min: 1, max: 120 }), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 6 });

describe('any debt and any sequence of resolutions', () => {
  it('keeps resolved + outstanding = recorded, refuses what is above the outstanding (writing nothing), balances the books and passes their rules', async () => {
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: 1n, max: 4_000_000n }), fc.boolean(), steps, async (fen, isNew, plan) => {
        const books = await testDebts();
        await books.ok('record', bankLoan('d1', { amount: Money.fromFen(fen).toString(), ...(isNew ? { recognition: 'new', debitAccount: '153' } : {}) }));
        let outstanding = fen;
        for (const step of [...plan].sort((a, b) => a.day - b.day)) {
          const part = (fen * BigInt(step.part)) / 100n + 1n;
          const before = books.store.size;
          const result = await books.run(...resolution(step.method, part, step.day));
          if (part > outstanding || outstanding === 0n) {
            expect(result._tag === 'Left' && result.left.code).toBe(outstanding === 0n ? 'DEBT_RESOLVED' : 'DEBT_OVERPAID');
            expect(books.store.size).toBe(before);
          } else {
            expect(result._tag).toBe('Right');
            outstanding -= part;
          }
        }
        const json = await runReport(books.store, books.context.catalog, debtsReport, { asOf: '2023-12-31', village: 'v' });
        const { recorded, resolved, outstanding: left } = json.total;
        expect(Money.of(resolved.total).plus(Money.of(left)).toString()).toBe(recorded);
        expect(Money.of(left).toFen()).toBe(outstanding);
        expect(json.debts[0]?.outstanding).toBe(left);
        expect(await netOfAllAccounts(books)).toBe(0n);
        expect(await errorsOf(books)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
