import { accountsProjection, chartOfAccounts, ledger, type AccountRow } from '@collective-ledger/core';
import { UsageError } from '../errors.js';
import { renderCsv, renderJson, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage, type ReportOptions } from './report.js';
import { checkedScope, nameIn, refusePeriodStart, refuseSince, refuseTierOptions } from './statement-options.js';

type State = ReturnType<ReturnType<typeof accountsProjection>['init']>;

const NAME = 'accounts';

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

const rowsOf = (state: State, options: ReportOptions): AccountRow[] => {
  checkedScope(state.tree, options);
  const chart = options.village === undefined ? ledger.Chart.standard() : ledger.chartOfVillage(state.charts, options.village);
  return chartOfAccounts(chart);
};

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

/** JSON keys in this order: report, lang, asOf, village, accounts[{code, name, category, normalBalance, contra, eitherSide, standard, leaf, level}]. */
const json = (state: State, options: ReportOptions): string =>
  renderJson({
    report: NAME,
    lang: options.lang,
    asOf: options.asOf ?? null,
    village: options.village ?? null,
    accounts: rowsOf(state, options).map((row) => ({
      code: row.code,
      name: nameIn(row, options.lang),
      category: row.category,
      normalBalance: row.normalBalance,
      contra: row.contra,
      eitherSide: row.eitherSide,
      standard: row.standard,
      leaf: row.leaf,
      level: row.level,
    })),
  });

/**
 * `accounts`: 会计科目表, the chart of accounts: the 42 standard accounts, or
 * with `--village` that village's chart with its sub-accounts (as declared up
 * to `--as-of`).
 */
export const accountsReport = defineReport<State>({
  name: NAME,
  description: 'chart of accounts (会计科目表), with a --village its sub-accounts',
  checkOptions: (options) => {
    refuseTierOptions(NAME, options);
    refusePeriodStart(NAME, options, 'lists the chart at one date: give --as-of');
    refuseSince(NAME, options);
    if (options.township !== undefined) throw new UsageError('--township: a chart of accounts belongs to one village; use --village');
    if (options.year !== undefined) throw new UsageError('--year: the chart of accounts is not per year; use --as-of for the chart at a date');
  },
  projection: () => accountsProjection(),
  render: {
    table: (state, options) => renderTable(tableOf(rowsOf(state, options), options.lang, 'table')),
    csv: (state, options) => renderCsv(tableOf(rowsOf(state, options), options.lang, 'csv')),
    json,
  },
});
