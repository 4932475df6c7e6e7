import { balanceSheetOf, type BalanceSheet } from '../balance-sheet.js';
import { langOf, lineJson, scopeJson } from './options.js';
import { defineStatementReport, type StatementOptions, type StatementResult } from './statement-options.js';

export type BalanceSheetReportOptions = StatementOptions;
export type BalanceSheetReportResult = StatementResult<BalanceSheet>;

export const BALANCE_SHEET_SECTIONS = ['assets', 'liabilities', 'equity'] as const;

/** JSON keys in this order: report, lang, asOf, scope, villages, assets, liabilities, equity, totalLiabilitiesAndEquity, balanced, difference. */
const toJson = ({ statement: sheet, villages }: BalanceSheetReportResult, options: BalanceSheetReportOptions) => {
  const lang = langOf(options);
  const section = (s: (typeof BALANCE_SHEET_SECTIONS)[number]) => ({
    lines: sheet[s].lines.map((line) => lineJson(line, lang)),
    total: lineJson(sheet[s].total, lang),
  });
  return {
    report: 'balance-sheet',
    lang,
    asOf: sheet.asOf,
    scope: scopeJson(options),
    villages,
    assets: section('assets'),
    liabilities: section('liabilities'),
    equity: section('equity'),
    totalLiabilitiesAndEquity: lineJson(sheet.totalLiabilitiesAndEquity, lang),
    balanced: sheet.balanced,
    difference: sheet.difference.toString(),
  };
};

export type BalanceSheetJson = ReturnType<typeof toJson>;

/**
 * `balance-sheet`: 资产负债表 at the end of `year` (or at `asOf`), for a
 * village, a township's villages or every village, with the check that
 * assets = liabilities + equity.
 */
export const balanceSheetReport = defineStatementReport({
  name: 'balance-sheet',
  description: 'balance sheet (资产负债表) at the end of --year or at --as-of',
  refusesFrom: 'is as of one date; give --as-of (or --year for its last day)',
  statementOf: balanceSheetOf,
  toJson,
});
