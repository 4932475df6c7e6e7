import { rootCodeOf } from '../domain/ledger/chart/index.js';
import type { Money } from '../money/money.js';
import { closingBalance, type AccountTotals, type Window } from './balances.js';
import {
  ASSET_LINES,
  EQUITY_LINES,
  LIABILITY_LINES,
  TOTAL_LABELS,
  type BalanceSheetLineDefinition,
  type LinePart,
} from './balance-sheet-lines.js';
import type { Scope } from './organizations.js';
import { booksIn, byCodePoint, money, type StatementLine, type StatementState } from './statement.js';

export interface BalanceSheetSectionResult {
  readonly lines: readonly StatementLine[];
  readonly total: StatementLine;
}

/** 资产负债表 as of a date. */
export interface BalanceSheet {
  readonly asOf: string;
  readonly assets: BalanceSheetSectionResult;
  readonly liabilities: BalanceSheetSectionResult;
  readonly equity: BalanceSheetSectionResult;
  readonly totalLiabilitiesAndEquity: StatementLine;
  /** Total assets equal total liabilities and equity. */
  readonly balanced: boolean;
  /** Total assets less total liabilities and equity: zero when balanced. */
  readonly difference: Money;
}

const partFen = (balances: ReadonlyMap<string, bigint>, part: LinePart): bigint => {
  let fen = 0n;
  for (const [code, balance] of balances) {
    if (!part.roots.includes(rootCodeOf(code))) continue;
    if (part.only === 'debit' && balance <= 0n) continue;
    if (part.only === 'credit' && balance >= 0n) continue;
    fen += balance;
  }
  return fen;
};

/** A line's amount in one village: the signed balances of its accounts, turned to the line's side. */
const lineFen = (balances: ReadonlyMap<string, bigint>, definition: BalanceSheetLineDefinition): bigint => {
  const debit = definition.parts.reduce((sum, part) => sum + partFen(balances, part), 0n);
  return definition.side === 'debit' ? debit : -debit;
};

/** The accounts a line adds up, in code order. */
const accountsOf = (definition: BalanceSheetLineDefinition): string[] => [...new Set(definition.parts.flatMap((p) => p.roots))].sort(byCodePoint);

interface SectionFen {
  readonly lines: bigint[];
  total: bigint;
}

const sectionOf = (
  definitions: readonly BalanceSheetLineDefinition[],
  fen: SectionFen,
  key: keyof typeof TOTAL_LABELS,
): BalanceSheetSectionResult => {
  const lines = definitions.map(
    (d, i): StatementLine => ({ key: d.key, nameZh: d.nameZh, nameEn: d.nameEn, accounts: accountsOf(d), amount: money(fen.lines[i] ?? 0n), kind: d.kind }),
  );
  const accounts = [...new Set(definitions.filter((d) => d.kind === 'item').flatMap(accountsOf))].sort(byCodePoint);
  const [nameZh, nameEn] = TOTAL_LABELS[key];
  return { lines, total: { key, nameZh, nameEn, accounts, amount: money(fen.total), kind: 'total' } };
};

const addSection = (into: SectionFen, definitions: readonly BalanceSheetLineDefinition[], balances: ReadonlyMap<string, bigint>): void => {
  definitions.forEach((definition, i) => {
    const fen = lineFen(balances, definition);
    into.lines[i] = (into.lines[i] ?? 0n) + fen;
    if (definition.kind === 'item') into.total += fen;
  });
};

/**
 * 资产负债表 of one or more villages as of `asOf` (the end of the window the
 * totals were computed over): each village's closing balances are put on the
 * lines of balance-sheet-lines.ts, and a roll-up adds the villages line by
 * line. 113 内部往来 is split per account and village: accounts with a debit
 * balance count as receivables, those with a credit balance as payables.
 * Profit-and-loss accounts not yet closed count into equity as current-year
 * income (本年收益), so the identity holds before and after the year-end close.
 */
export const balanceSheet = (villages: Iterable<ReadonlyMap<string, AccountTotals>>, asOf: string): BalanceSheet => {
  const fen = {
    assets: { lines: [], total: 0n } as SectionFen,
    liabilities: { lines: [], total: 0n } as SectionFen,
    equity: { lines: [], total: 0n } as SectionFen,
  };
  for (const totals of villages) {
    const balances = new Map([...totals].map(([code, t]) => [code, closingBalance(t)]));
    addSection(fen.assets, ASSET_LINES, balances);
    addSection(fen.liabilities, LIABILITY_LINES, balances);
    addSection(fen.equity, EQUITY_LINES, balances);
  }
  const liabilities = sectionOf(LIABILITY_LINES, fen.liabilities, 'totalLiabilities');
  const equity = sectionOf(EQUITY_LINES, fen.equity, 'totalEquity');
  const right = fen.liabilities.total + fen.equity.total;
  const [nameZh, nameEn] = TOTAL_LABELS.totalLiabilitiesAndEquity;
  return {
    asOf,
    assets: sectionOf(ASSET_LINES, fen.assets, 'totalAssets'),
    liabilities,
    equity,
    totalLiabilitiesAndEquity: {
      key: 'totalLiabilitiesAndEquity',
      nameZh,
      nameEn,
      accounts: [...liabilities.total.accounts, ...equity.total.accounts].sort(byCodePoint),
      amount: money(right),
      kind: 'total',
    },
    balanced: fen.assets.total === right,
    difference: money(fen.assets.total - right),
  };
};

/** The balance sheet of a scope (one village, a township's or district's villages, or all) at the end of `window`. */
export const balanceSheetOf = (state: StatementState, scope: Scope, window: Window): BalanceSheet =>
  balanceSheet(
    booksIn(state, scope).map((b) => b.totals),
    window.to,
  );
