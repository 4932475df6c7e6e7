import { Chart, parentCodeOf, rootCodeOf, type NormalBalance } from '../domain/ledger/chart/index.js';
import type { Money } from '../money/money.js';
import type { AccountTotals, Window } from './balances.js';
import type { Scope } from './organizations.js';
import { addTotals, booksIn, byCodePoint, emptyTotals, money, sumByCode, type StatementState, type TotalsSum } from './statement.js';

/** The six money columns of 科目余额表. */
export interface TrialBalanceAmounts {
  readonly openingDebit: Money;
  readonly openingCredit: Money;
  /** Voucher movements plus year-end closing entries inside the window. */
  readonly periodDebit: Money;
  readonly periodCredit: Money;
  readonly closingDebit: Money;
  readonly closingCredit: Money;
}

export interface TrialBalanceRow extends TrialBalanceAmounts {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** 1 for a standard (3-digit) account, 2 for its sub-accounts, and so on. */
  readonly level: number;
  /** True when the row adds up sub-account rows shown below it. */
  readonly subtotal: boolean;
  readonly normalBalance: NormalBalance;
}

export interface TrialBalance {
  readonly window: Window;
  readonly rows: readonly TrialBalanceRow[];
  /** The sum of the level-1 rows (each sub-account is counted once, in its standard account). */
  readonly totals: TrialBalanceAmounts;
  /** Total debits equal total credits, for each pair of columns. */
  readonly balanced: { readonly opening: boolean; readonly period: boolean; readonly closing: boolean };
}

/**
 * `leaves`: every account with a figure, and each of its parents up to the
 * standard account as a subtotal row; `roots`: standard accounts only.
 */
export type TrialBalanceDetail = 'leaves' | 'roots';

const hasFigures = (t: AccountTotals): boolean =>
  t.opening !== 0n || t.debit !== 0n || t.credit !== 0n || t.closingDebit !== 0n || t.closingCredit !== 0n;

/** The codes a posting on `code` is shown in: itself and its parents, or its root only. */
const rowCodes = (code: string, detail: TrialBalanceDetail): string[] => {
  if (detail === 'roots') return [rootCodeOf(code)];
  const codes: string[] = [];
  for (let c: string | undefined = code; c !== undefined; c = parentCodeOf(c)) codes.push(c);
  return codes;
};

/** A signed balance (debit positive) as its debit and credit columns: a balance sits on one side. */
const sides = (signed: bigint): readonly [bigint, bigint] => (signed > 0n ? [signed, 0n] : [0n, -signed]);

interface Columns {
  openingDebit: bigint;
  openingCredit: bigint;
  periodDebit: bigint;
  periodCredit: bigint;
  closingDebit: bigint;
  closingCredit: bigint;
}

const columnsOf = (t: AccountTotals): Columns => {
  const [openingDebit, openingCredit] = sides(t.opening);
  const periodDebit = t.debit + t.closingDebit;
  const periodCredit = t.credit + t.closingCredit;
  const [closingDebit, closingCredit] = sides(t.opening + periodDebit - periodCredit);
  return { openingDebit, openingCredit, periodDebit, periodCredit, closingDebit, closingCredit };
};

const amountsOf = (c: Columns): TrialBalanceAmounts => ({
  openingDebit: money(c.openingDebit),
  openingCredit: money(c.openingCredit),
  periodDebit: money(c.periodDebit),
  periodCredit: money(c.periodCredit),
  closingDebit: money(c.closingDebit),
  closingCredit: money(c.closingCredit),
});

const labelOf = (chart: Chart, code: string): Pick<TrialBalanceRow, 'nameZh' | 'nameEn' | 'normalBalance'> => {
  const account = chart.account(code);
  const root = chart.account(rootCodeOf(code));
  return {
    nameZh: account?.nameZh ?? code,
    nameEn: account?.nameEn ?? code,
    normalBalance: account?.normalBalance ?? root?.normalBalance ?? 'debit',
  };
};

/**
 * 科目余额表 of one set of account totals (a village's, or several villages'
 * added by code): one row per account with any figure. Each balance is shown
 * on one side, the debit column for a debit balance and the credit column for
 * a credit balance: an account's normal side when it is positive, the other
 * side when it is negative (e.g. a credit balance on 101). Rows come in code
 * order, a parent just before its sub-accounts.
 */
export const trialBalance = (
  totals: ReadonlyMap<string, AccountTotals>,
  chart: Chart,
  window: Window,
  detail: TrialBalanceDetail = 'leaves',
): TrialBalance => {
  const rows = new Map<string, TotalsSum>();
  for (const [code, figures] of totals) {
    if (!hasFigures(figures)) continue;
    for (const rowCode of rowCodes(code, detail)) {
      let row = rows.get(rowCode);
      if (row === undefined) rows.set(rowCode, (row = emptyTotals()));
      addTotals(row, figures);
    }
  }
  const codes = [...rows.keys()].sort(byCodePoint);
  const sum: Columns = { openingDebit: 0n, openingCredit: 0n, periodDebit: 0n, periodCredit: 0n, closingDebit: 0n, closingCredit: 0n };
  const shown = codes.map((code, i): TrialBalanceRow => {
    const columns = columnsOf(rows.get(code) ?? emptyTotals());
    if (code.length === 3) {
      for (const key of Object.keys(sum) as (keyof Columns)[]) sum[key] += columns[key];
    }
    const next = codes[i + 1];
    const subtotal = next !== undefined && next.length > code.length && next.startsWith(code);
    return { code, ...labelOf(chart, code), level: (code.length - 1) / 2, subtotal, ...amountsOf(columns) };
  });
  return {
    window,
    rows: shown,
    totals: amountsOf(sum),
    balanced: {
      opening: sum.openingDebit === sum.openingCredit,
      period: sum.periodDebit === sum.periodCredit,
      closing: sum.closingDebit === sum.closingCredit,
    },
  };
};

/**
 * The trial balance of a scope. One village: its accounts and sub-accounts,
 * with its chart's names. Several villages (a township, a district, every
 * village): standard accounts only, each the sum over the villages, because
 * sub-accounts are each village's own and the same code may mean different
 * things in two villages.
 */
export const trialBalanceOf = (state: StatementState, scope: Scope, window: Window): TrialBalance => {
  const books = booksIn(state, scope);
  const [only] = books;
  if (scope.village !== undefined && only !== undefined) return trialBalance(only.totals, only.chart, window, 'leaves');
  return trialBalance(sumByCode(books, rootCodeOf), Chart.standard(), window, 'roots');
};
