import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Chart } from '../domain/ledger/chart/index.js';
import { Money } from '../money/money.js';
import { balanceSheetOf } from './balance-sheet.js';
import { closingBalance, yearWindow, type AccountTotals } from './balances.js';
import { incomeStatementOf } from './income-statement.js';
import type { Scope } from './organizations.js';
import type { StatementState } from './statement.js';
import { reportBooks, type Line, type ReportBooks } from './test-statements.js';
import { trialBalanceOf } from './trial-balance.js';

/** Sub-accounts a village may declare: 113 by group, 322 split into distributions and 未分配收益. */
const SUB_ACCOUNTS = [
  ['11301', '一组'],
  ['11302', '二组'],
  ['32201', '各项分配'],
  ['32202', '未分配收益'],
] as const;

/** A debit, a credit and an amount in fen: one half of a voucher's lines each. */
const posting = fc.record({ debit: fc.nat(), credit: fc.nat(), fen: fc.bigInt({ min: 1n, max: 10_000_000_000n }) });

const voucher = fc.record({
  village: fc.nat(),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  postings: fc.array(posting, { minLength: 1, maxLength: 3 }),
});

const history = fc.record({
  townships: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
  subAccounts: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
  vouchers: fc.array(voucher, { minLength: 0, maxLength: 12 }),
  nextYear: fc.array(voucher, { minLength: 0, maxLength: 4 }),
  close: fc.boolean(),
});

type History = typeof history extends fc.Arbitrary<infer H> ? H : never;

const pick = <T>(list: readonly T[], n: number): T => {
  const item = list[n % list.length];
  if (item === undefined) throw new Error('empty list');
  return item;
};

const pad = (n: number): string => String(n).padStart(2, '0');

const WITH_SUBS = Chart.standard().withSubAccount({ code: '11301', nameZh: '一组' }).withSubAccount({ code: '11302', nameZh: '二组' })
  .withSubAccount({ code: '32201', nameZh: '各项分配' }).withSubAccount({ code: '32202', nameZh: '未分配收益' });

/**
 * Leaf accounts a random voucher may use: 181 must be cleared before a close,
 * and 101 never goes below zero, so they are left out; each village lets 102
 * be overdrawn.
 */
const leavesOf = (subAccounts: boolean): string[] =>
  (subAccounts ? WITH_SUBS : Chart.standard()).leafAccounts().map((a) => a.code).filter((code) => code !== '181' && code !== '101');

/** Register the organizations and post the vouchers of a history; returns the village ids and their leaves. */
const build = async (h: History): Promise<{ books: ReportBooks; villages: { id: string; leaves: string[] }[] }> => {
  const books = reportBooks();
  await books.organization('d', 'district', '区');
  const villages: { id: string; leaves: string[] }[] = [];
  for (const [t, count] of h.townships.entries()) {
    await books.organization(`t${t}`, 'township', `镇${t}`, 'd');
    for (let v = 0; v < count; v += 1) {
      const id = `v${t}-${v}`;
      const subAccounts = h.subAccounts[villages.length] ?? false;
      await books.organization(id, 'village', `村${id}`, `t${t}`);
      for (const [code, nameZh] of subAccounts ? SUB_ACCOUNTS : []) await books.subAccount(id, code, nameZh);
      await books.overdraft(id);
      villages.push({ id, leaves: leavesOf(subAccounts) });
    }
  }
  return { books, villages };
};

const post = async (books: ReportBooks, villages: { id: string; leaves: string[] }[], vouchers: History['vouchers'], year: number) => {
  for (const [i, v] of vouchers.entries()) {
    const village = pick(villages, v.village);
    const lines: Line[] = v.postings.flatMap(({ debit, credit, fen }): Line[] => {
      const amount = Money.fromFen(fen).toString();
      return [
        [pick(village.leaves, debit), 'debit', amount],
        [pick(village.leaves, credit), 'credit', amount],
      ];
    });
    await books.voucher(village.id, `记-${i + 1}`, `${year}-${pad(v.month)}-${pad(v.day)}`, lines);
  }
};

/** The trial balance balances, and so does the balance sheet, for this scope. */
const checkScope = (state: StatementState, scope: Scope, year: number): void => {
  const window = yearWindow(year);
  const tb = trialBalanceOf(state, scope, window);
  expect(tb.balanced).toEqual({ opening: true, period: true, closing: true });
  expect(tb.totals.openingDebit.equals(tb.totals.openingCredit)).toBe(true);
  const bs = balanceSheetOf(state, scope, window);
  expect(bs.difference.toString()).toBe('0.00');
  expect(bs.balanced).toBe(true);
};

const checkAll = (state: StatementState, villages: readonly { id: string }[], year: number): void => {
  for (const { id } of villages) checkScope(state, { village: id }, year);
  checkScope(state, { district: 'd' }, year);
  checkScope(state, {}, year);
};

describe('statements of random histories (property)', () => {
  it('the trial balance and the balance sheet balance for each village and the district, before and after the close', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const { books, villages } = await build(h);
        await post(books, villages, h.vouchers, 2023);
        const window = yearWindow(2023);
        const before = await books.statements(window);
        checkAll(before, villages, 2023);
        const incomeBefore = villages.map(({ id }) => incomeStatementOf(before, { village: id }, window));
        if (!h.close) return;
        for (const { id } of villages) await books.close(id, 2023);
        const after = await books.statements(window);
        checkAll(after, villages, 2023);
        for (const [i, { id }] of villages.entries()) {
          const statement = incomeStatementOf(after, { village: id }, window);
          const closed = [];
          for await (const e of books.store.readStream(`ledger-${id}-2023`)) if (e.type === 'YearClosed') closed.push(e.data);
          expect(statement.netIncome.toString()).toBe((closed[0] as { netIncome: string }).netIncome);
          expect(statement).toEqual(incomeBefore[i]);
          // Closing undistributed income is what 322 holds after the close (credit positive).
          const in322 = [...(after.balances.get(id) ?? new Map<string, AccountTotals>())].filter(([code]) => code.startsWith('322'));
          const fen = in322.reduce((sum, [, t]) => sum - closingBalance(t), 0n);
          expect(statement.closingUndistributed.toFen()).toBe(fen);
        }
        const district = incomeStatementOf(after, { district: 'd' }, window);
        expect(district.netIncome.toFen()).toBe(incomeBefore.reduce((sum, s) => sum + s.netIncome.toFen(), 0n));
        await post(books, villages, h.nextYear, 2024);
        checkAll(await books.statements(yearWindow(2024)), villages, 2024);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
