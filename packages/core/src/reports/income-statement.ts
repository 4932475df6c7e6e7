import { rootCodeOf } from '../domain/ledger/chart/index.js';
import { undistributedAccountOf } from '../domain/ledger/closing.js';
import type { Money } from '../money/money.js';
import type { AccountTotals, Window } from './balances.js';
import type { Scope } from './organizations.js';
import { booksIn, byCodePoint, money, type StatementLine, type StatementState, type VillageBooks } from './statement.js';

/** The 322 account the statement reads 未分配收益 from: the one the year-end close carries into. */
export { undistributedAccountOf };

/** 收益及收益分配表 of a fiscal year (or the part of it up to `--as-of`). */
export interface IncomeStatement {
  readonly window: Window;
  /** 收益: income, expenses and the subtotals down to 本年收益, in the order of the 2023 system. */
  readonly income: readonly StatementLine[];
  /** 收益分配: opening undistributed income, transfers in, distributable income, each distribution, closing undistributed income. */
  readonly distribution: readonly StatementLine[];
  readonly netIncome: Money;
  readonly openingUndistributed: Money;
  readonly distributable: Money;
  readonly closingUndistributed: Money;
}

/** Income lines: an account (credit positive for income, debit positive for expenses) or a subtotal. */
interface IncomeLineDefinition {
  readonly key: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly roots: readonly string[];
  readonly kind: 'item' | 'subtotal' | 'total';
}

const item = (key: string, nameZh: string, nameEn: string, root: string): IncomeLineDefinition => ({ key, nameZh, nameEn, roots: [root], kind: 'item' });

const OPERATING = ['501', '511', '512', '513'];
const BEFORE_TAX = [...OPERATING, '502', '503', '504', '514', '515'];

export const INCOME_LINES: readonly IncomeLineDefinition[] = [
  item('operatingIncome', '经营收入', 'Operating income', '501'),
  item('operatingExpenses', '经营支出', 'Operating expenses', '511'),
  item('taxesAndSurcharges', '税金及附加', 'Taxes and surcharges', '512'),
  item('administrativeExpenses', '管理费用', 'Administrative expenses', '513'),
  { key: 'operatingProfit', nameZh: '经营收益', nameEn: 'Operating profit', roots: OPERATING, kind: 'subtotal' },
  item('investmentIncome', '投资收益', 'Investment income', '502'),
  item('subsidyIncome', '补助收入', 'Subsidy income', '503'),
  item('otherIncome', '其他收入', 'Other income', '504'),
  item('publicWelfareExpenditure', '公益支出', 'Public-welfare expenditure', '514'),
  item('otherExpenses', '其他支出', 'Other expenses', '515'),
  { key: 'totalIncome', nameZh: '收益总额', nameEn: 'Total income', roots: BEFORE_TAX, kind: 'subtotal' },
  item('incomeTax', '所得税费用', 'Income tax expense', '521'),
  { key: 'netIncome', nameZh: '本年收益', nameEn: 'Net income', roots: [...BEFORE_TAX, '521'], kind: 'total' },
];

const INCOME_ROOTS = new Set(['501', '502', '503', '504']);

/** The year's net voucher movement of a root, credit positive (closing entries left out). */
const creditMovement = (totals: ReadonlyMap<string, AccountTotals>, root: string): bigint => {
  let fen = 0n;
  for (const [code, t] of totals) if (rootCodeOf(code) === root) fen += t.credit - t.debit;
  return fen;
};

/** A line's amount: income lines credit positive, expense lines debit positive, subtotals income less expenses. */
const incomeLineFen = (totals: ReadonlyMap<string, AccountTotals>, line: IncomeLineDefinition): bigint => {
  if (line.kind === 'item') {
    const [root = ''] = line.roots;
    const credit = creditMovement(totals, root);
    return INCOME_ROOTS.has(root) ? credit : -credit;
  }
  return line.roots.reduce((sum, root) => sum + creditMovement(totals, root), 0n);
};

interface DistributionFen {
  opening: bigint;
  transfers: bigint;
  /** By the distribution account's Chinese name: its codes, English name and amount. */
  readonly distributions: Map<string, { codes: Set<string>; nameEn: string; fen: bigint }>;
}

const addDistribution = (into: DistributionFen, { totals, chart }: VillageBooks): void => {
  const undistributed = undistributedAccountOf(chart);
  for (const [code, t] of totals) {
    if (rootCodeOf(code) === '322') into.opening -= t.opening;
    if (rootCodeOf(code) === '321' || code === undistributed) {
      into.transfers += t.credit - t.debit;
    } else if (rootCodeOf(code) === '322' && t.debit !== t.credit) {
      const account = chart.account(code);
      const nameZh = account?.nameZh ?? code;
      const entry = into.distributions.get(nameZh) ?? { codes: new Set<string>(), nameEn: account?.nameEn ?? code, fen: 0n };
      entry.codes.add(code);
      entry.fen += t.debit - t.credit;
      into.distributions.set(nameZh, entry);
    }
  }
};

type Labels = readonly [key: string, nameZh: string, nameEn: string];

const statementLine = ([key, nameZh, nameEn]: Labels, accounts: readonly string[], fen: bigint, kind: StatementLine['kind']): StatementLine => ({
  key,
  nameZh,
  nameEn,
  accounts: [...new Set(accounts)].sort(byCodePoint),
  amount: money(fen),
  kind,
});

const distributionLines = (d: DistributionFen, netIncome: bigint, roots: readonly string[]) => {
  const distributable = d.opening + netIncome + d.transfers;
  const shares = [...d.distributions].sort(([, a], [, b]) => byCodePoint([...a.codes].sort()[0] ?? '', [...b.codes].sort()[0] ?? ''));
  const distributed = shares.reduce((sum, [, s]) => sum + s.fen, 0n);
  const closing = distributable - distributed;
  const lines: StatementLine[] = [
    statementLine(['netIncome', '本年收益', 'Net income'], roots, netIncome, 'subtotal'),
    statementLine(['openingUndistributed', '年初未分配收益', 'Undistributed income at the start of the year'], ['322'], d.opening, 'item'),
    statementLine(['transfersIn', '其他转入', 'Other transfers in'], ['321', '322'], d.transfers, 'item'),
    statementLine(['distributable', '可分配收益', 'Distributable income'], [...roots, '321', '322'], distributable, 'subtotal'),
    ...shares.map(([nameZh, s]) => statementLine(['distribution', nameZh, s.nameEn], [...s.codes].sort(byCodePoint), s.fen, 'item')),
    statementLine(['closingUndistributed', '年末未分配收益', 'Undistributed income at the end of the year'], [...roots, '321', '322'], closing, 'total'),
  ];
  return { lines, distributable, closing };
};

/**
 * 收益及收益分配表 of one or more villages over a fiscal-year window. Income
 * lines are the year's voucher movements (not the closing entries), so the
 * statement is the same before and after the year-end close and its net
 * income equals `YearClosed.netIncome`. Distribution: opening undistributed
 * income is every 322 account's credit balance at the start of the window;
 * 其他转入 is what vouchers credited (less debited) to 321 and to the 未分配收益
 * account (e.g. prior-year adjustments); each other 322 account a voucher
 * debited is a distribution (its net debit), grouped by its Chinese name
 * across villages; closing undistributed income = distributable income less
 * the distributions, which is 322's credit balance after the close.
 */
export const incomeStatement = (villages: readonly VillageBooks[], window: Window): IncomeStatement => {
  const fen = INCOME_LINES.map(() => 0n);
  const d: DistributionFen = { opening: 0n, transfers: 0n, distributions: new Map() };
  for (const books of villages) {
    INCOME_LINES.forEach((line, i) => (fen[i] = (fen[i] ?? 0n) + incomeLineFen(books.totals, line)));
    addDistribution(d, books);
  }
  const income = INCOME_LINES.map((line, i) => statementLine([line.key, line.nameZh, line.nameEn], line.roots, fen[i] ?? 0n, line.kind));
  const netIncome = fen[fen.length - 1] ?? 0n;
  const last = INCOME_LINES[INCOME_LINES.length - 1];
  const distribution = distributionLines(d, netIncome, last?.roots ?? []);
  return {
    window,
    income,
    distribution: distribution.lines,
    netIncome: money(netIncome),
    openingUndistributed: money(d.opening),
    distributable: money(distribution.distributable),
    closingUndistributed: money(distribution.closing),
  };
};

/** The income statement of a scope (one village, a township's or district's villages, or all) over `window`. */
export const incomeStatementOf = (state: StatementState, scope: Scope, window: Window): IncomeStatement =>
  incomeStatement(booksIn(state, scope), window);
