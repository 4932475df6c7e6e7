import { trialBalanceOf, type TrialBalance, type TrialBalanceAmounts } from '../trial-balance.js';
import { langOf, nameIn, scopeJson } from './options.js';
import { defineStatementReport, type PeriodOptions, type StatementResult } from './statement-options.js';

export type TrialBalanceReportOptions = PeriodOptions;
export type TrialBalanceReportResult = StatementResult<TrialBalance>;

/** The amount columns, in this order. */
export const TRIAL_BALANCE_AMOUNTS = ['openingDebit', 'openingCredit', 'periodDebit', 'periodCredit', 'closingDebit', 'closingCredit'] as const;

const amountsJson = (row: TrialBalanceAmounts) =>
  Object.fromEntries(TRIAL_BALANCE_AMOUNTS.map((key) => [key, row[key].toString()])) as Record<(typeof TRIAL_BALANCE_AMOUNTS)[number], string>;

/** JSON keys in this order: report, lang, year, from, to, scope, villages, detail, rows, totals, balanced. */
const toJson = ({ statement, scope, villages, year }: TrialBalanceReportResult, options: TrialBalanceReportOptions) => {
  const lang = langOf(options);
  return {
    report: 'trial-balance',
    lang,
    year,
    from: statement.window.from,
    to: statement.window.to,
    scope: scopeJson(options),
    villages,
    detail: scope.village === undefined ? 'roots' : 'leaves',
    rows: statement.rows.map((row) => ({
      code: row.code,
      name: nameIn(row, lang),
      level: row.level,
      subtotal: row.subtotal,
      normalBalance: row.normalBalance,
      ...amountsJson(row),
    })),
    totals: amountsJson(statement.totals),
    balanced: statement.balanced,
  };
};

export type TrialBalanceJson = ReturnType<typeof toJson>;

/**
 * `trial-balance`: 科目余额表 of `year` (or 1 January to `asOf`, or `from` to
 * either): opening, period and closing debits and credits of every account
 * with a figure. For a village its accounts and sub-accounts; otherwise (a
 * township, or every village) the standard accounts added up over the villages.
 */
export const trialBalanceReport = defineStatementReport({
  name: 'trial-balance',
  description: 'trial balance (科目余额表) for --year or up to --as-of',
  statementOf: trialBalanceOf,
  toJson,
});
