import { trialBalanceOf, type TrialBalance, type TrialBalanceAmounts } from '@collective-ledger/core';
import { renderCsv, renderJson, renderTable, type Table } from './render.js';
import type { ReportLanguage, ReportOptions } from './report.js';
import { defineStatementReport, type StatementState } from './statement-report.js';
import {
  amountText,
  checkedScope,
  nameIn,
  periodTitle,
  scopeJson,
  scopeTitle,
  statementWindow,
  statementYear,
  villageIds,
} from './statement-options.js';

const NAME = 'trial-balance';

const AMOUNT_KEYS = ['openingDebit', 'openingCredit', 'periodDebit', 'periodCredit', 'closingDebit', 'closingCredit'] as const;

const LABELS = {
  zh: {
    title: '科目余额表',
    columns: ['科目代码', '科目名称', '期初借方', '期初贷方', '本期借方', '本期贷方', '期末借方', '期末贷方'],
    total: '合计',
    check: (b: TrialBalance['balanced']) =>
      `借贷平衡：期初${b.opening ? '平衡' : '不平衡'}，本期${b.period ? '平衡' : '不平衡'}，期末${b.closing ? '平衡' : '不平衡'}`,
  },
  en: {
    title: 'Trial balance',
    columns: ['code', 'account', 'opening debit', 'opening credit', 'period debit', 'period credit', 'closing debit', 'closing credit'],
    total: 'total',
    check: (b: TrialBalance['balanced']) =>
      `debits = credits: opening ${b.opening ? 'yes' : 'NO'}, period ${b.period ? 'yes' : 'NO'}, closing ${b.closing ? 'yes' : 'NO'}`,
  },
} as const;

const resultOf = (state: StatementState, options: ReportOptions): TrialBalance =>
  trialBalanceOf(state, checkedScope(state.tree, options), statementWindow(NAME, options));

/** The amount cells: in a table thousands separators and a blank for zero; in CSV canonical decimals. */
const amountCells = (row: TrialBalanceAmounts, format: 'table' | 'csv'): string[] =>
  AMOUNT_KEYS.map((key) => (format === 'table' && row[key].isZero() ? '' : amountText(row[key], format)));

const tableOf = (result: TrialBalance, lang: ReportLanguage, format: 'table' | 'csv'): Table => {
  const labels = LABELS[lang];
  const indent = (level: number): string => (format === 'table' ? '  '.repeat(level - 1) : '');
  return {
    columns: labels.columns,
    numeric: labels.columns.slice(2),
    rows: [
      ...result.rows.map((row) => [row.code, `${indent(row.level)}${nameIn(row, lang)}`, ...amountCells(row, format)]),
      ['', labels.total, ...amountCells(result.totals, format)],
    ],
  };
};

const table = (state: StatementState, options: ReportOptions): string => {
  const result = resultOf(state, options);
  const labels = LABELS[options.lang];
  const title = `${labels.title}  ${scopeTitle(state.tree, checkedScope(state.tree, options), options.lang)}  ${periodTitle(result.window, options.lang)}`;
  return `${title}\n${renderTable(tableOf(result, options.lang, 'table'))}${labels.check(result.balanced)}\n`;
};

const amountsJson = (row: TrialBalanceAmounts) => Object.fromEntries(AMOUNT_KEYS.map((key) => [key, row[key].toString()]));

/** JSON keys in this order: report, lang, year, from, to, scope, villages, detail, rows, totals, balanced. */
const json = (state: StatementState, options: ReportOptions): string => {
  const result = resultOf(state, options);
  const scope = checkedScope(state.tree, options);
  return renderJson({
    report: NAME,
    lang: options.lang,
    year: statementYear(NAME, options),
    from: result.window.from,
    to: result.window.to,
    scope: scopeJson(options),
    villages: villageIds(state.tree, scope),
    detail: scope.village === undefined ? 'roots' : 'leaves',
    rows: result.rows.map((row) => ({
      code: row.code,
      name: nameIn(row, options.lang),
      level: row.level,
      subtotal: row.subtotal,
      normalBalance: row.normalBalance,
      ...amountsJson(row),
    })),
    totals: amountsJson(result.totals),
    balanced: result.balanced,
  });
};

/**
 * `trial-balance`: 科目余额表 of `--year` (or 1 January to `--as-of`): opening,
 * period and closing debits and credits of every account with a figure.
 * `--village`: its accounts and sub-accounts; otherwise (a township, or every
 * village) the standard accounts added up over the villages.
 */
export const trialBalanceReport = defineStatementReport({
  name: NAME,
  description: 'trial balance (科目余额表) for --year or up to --as-of',
  render: {
    table,
    csv: (state, options) => renderCsv(tableOf(resultOf(state, options), options.lang, 'csv')),
    json,
  },
});
