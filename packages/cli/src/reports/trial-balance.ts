import { TRIAL_BALANCE_AMOUNTS, trialBalanceReport as trialBalanceDefinition, type TrialBalance, type TrialBalanceAmounts, type TrialBalanceReportResult } from '@collective-ledger/core';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { amountText, nameIn, periodTitle, scopeTitle } from './statement-options.js';

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

/** The amount cells: in a table thousands separators and a blank for zero; in CSV canonical decimals. */
const amountCells = (row: TrialBalanceAmounts, format: 'table' | 'csv'): string[] =>
  TRIAL_BALANCE_AMOUNTS.map((key) => (format === 'table' && row[key].isZero() ? '' : amountText(row[key], format)));

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

const table = ({ statement, scopeName }: TrialBalanceReportResult, lang: ReportLanguage): string => {
  const labels = LABELS[lang];
  const title = `${labels.title}  ${scopeTitle(scopeName, lang)}  ${periodTitle(statement.window, lang)}`;
  return `${title}\n${renderTable(tableOf(statement, lang, 'table'))}${labels.check(statement.balanced)}\n`;
};

/**
 * `trial-balance`: 科目余额表 of `--year` (or 1 January to `--as-of`): opening,
 * period and closing debits and credits of every account with a figure.
 * `--village`: its accounts and sub-accounts; otherwise (a township, or every
 * village) the standard accounts added up over the villages.
 */
export const trialBalanceReport = defineReport(trialBalanceDefinition, {
  table,
  csv: ({ statement }, lang) => renderCsv(tableOf(statement, lang, 'csv')),
});
