import { accountsReport as accountsDefinition, type AccountRow } from '@collective-ledger/core';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { nameIn } from './statement-options.js';

const CATEGORIES: Readonly<Record<ReportLanguage, Readonly<Record<AccountRow['category'], string>>>> = {
  zh: { asset: '资产类', liability: '负债类', equity: '所有者权益类', cost: '成本类', income: '损益类（收入）', expense: '损益类（支出）' },
  en: { asset: 'asset', liability: 'liability', equity: 'equity', cost: 'cost', income: 'income', expense: 'expense' },
};

const LABELS = {
  zh: {
    columns: ['代码', '名称', '类别', '余额方向', '备抵', '余额可在两方', '末级'],
    side: { debit: '借', credit: '贷' },
    yes: '是',
    no: '',
  },
  en: {
    columns: ['code', 'name', 'category', 'normal balance', 'contra', 'either side', 'leaf'],
    side: { debit: 'debit', credit: 'credit' },
    yes: 'yes',
    no: '',
  },
} as const;

const tableOf = (rows: readonly AccountRow[], lang: ReportLanguage, format: 'table' | 'csv'): Table => {
  const labels = LABELS[lang];
  const flag = (on: boolean): string => (on ? labels.yes : labels.no);
  return {
    columns: labels.columns,
    rows: rows.map((row) => [
      row.code,
      `${format === 'table' ? '  '.repeat(row.level - 1) : ''}${nameIn(row, lang)}`,
      CATEGORIES[lang][row.category],
      labels.side[row.normalBalance],
      flag(row.contra),
      flag(row.eitherSide),
      flag(row.leaf),
    ]),
  };
};

/**
 * `accounts`: 会计科目表, the chart of accounts: the 42 standard accounts, or
 * with `--village` that village's chart with its sub-accounts (as declared up
 * to `--as-of`).
 */
export const accountsReport = defineReport(accountsDefinition, {
  table: (rows, lang) => renderTable(tableOf(rows, lang, 'table')),
  csv: (rows, lang) => renderCsv(tableOf(rows, lang, 'csv')),
});
