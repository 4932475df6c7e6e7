import { balanceSheetOf, type BalanceSheet, type StatementLine } from '@collective-ledger/core';
import { renderCsv, renderJson, renderTable, type Table } from './render.js';
import type { ReportLanguage, ReportOptions } from './report.js';
import { defineStatementReport, type StatementState } from './statement-report.js';
import {
  accountList,
  amountText,
  checkedScope,
  lineJson,
  nameIn,
  scopeJson,
  scopeTitle,
  statementWindow,
  villageIds,
} from './statement-options.js';

const NAME = 'balance-sheet';

const SECTIONS = ['assets', 'liabilities', 'equity'] as const;

const LABELS = {
  zh: {
    title: '资产负债表',
    asOf: (date: string) => `截至 ${date}`,
    columns: ['项目', '科目', '金额'],
    csvColumns: ['部分', '键', '项目', '科目', '金额'],
    sections: { assets: '资产', liabilities: '负债', equity: '所有者权益' },
    check: (s: BalanceSheet) => (s.balanced ? '资产 = 负债 + 所有者权益：平衡' : `资产 = 负债 + 所有者权益：不平衡，差额 ${s.difference.toDisplay()}`),
  },
  en: {
    title: 'Balance sheet',
    asOf: (date: string) => `as of ${date}`,
    columns: ['item', 'accounts', 'amount'],
    csvColumns: ['section', 'key', 'item', 'accounts', 'amount'],
    sections: { assets: 'Assets', liabilities: 'Liabilities', equity: "Owners' equity" },
    check: (s: BalanceSheet) =>
      s.balanced ? 'assets = liabilities + equity: balanced' : `assets = liabilities + equity: NOT balanced, difference ${s.difference.toDisplay()}`,
  },
} as const;

const resultOf = (state: StatementState, options: ReportOptions): BalanceSheet =>
  balanceSheetOf(state, checkedScope(state.tree, options), statementWindow(NAME, options));

/** Every line with its section, in order: each section's lines and total, then total liabilities and equity. */
const linesOf = (sheet: BalanceSheet): [section: (typeof SECTIONS)[number], line: StatementLine][] => [
  ...SECTIONS.flatMap((section) => [...sheet[section].lines, sheet[section].total].map((line): [(typeof SECTIONS)[number], StatementLine] => [section, line])),
  ['equity', sheet.totalLiabilitiesAndEquity],
];

/** Memo lines are indented under the item they explain, in a table. */
const label = (line: StatementLine, lang: ReportLanguage): string => `${line.kind === 'memo' ? '  ' : ''}${nameIn(line, lang)}`;

const tableOf = (sheet: BalanceSheet, lang: ReportLanguage): Table => {
  const labels = LABELS[lang];
  const rows: string[][] = [];
  for (const [section, line] of linesOf(sheet)) {
    if (line === sheet[section].lines[0]) rows.push([labels.sections[section], '', '']);
    rows.push([label(line, lang), line.kind === 'total' ? '' : accountList(line.accounts), amountText(line.amount, 'table')]);
  }
  return { columns: labels.columns, numeric: [labels.columns[2]], rows };
};

const csvOf = (sheet: BalanceSheet, lang: ReportLanguage): Table => ({
  columns: LABELS[lang].csvColumns,
  rows: linesOf(sheet).map(([section, line]) => [section, line.key, nameIn(line, lang), accountList(line.accounts), amountText(line.amount, 'csv')]),
});

const table = (state: StatementState, options: ReportOptions): string => {
  const sheet = resultOf(state, options);
  const labels = LABELS[options.lang];
  const title = `${labels.title}  ${scopeTitle(state.tree, checkedScope(state.tree, options), options.lang)}  ${labels.asOf(sheet.asOf)}`;
  return `${title}\n${renderTable(tableOf(sheet, options.lang))}${labels.check(sheet)}\n`;
};

/** JSON keys in this order: report, lang, asOf, scope, villages, assets, liabilities, equity, totalLiabilitiesAndEquity, balanced, difference. */
const json = (state: StatementState, options: ReportOptions): string => {
  const sheet = resultOf(state, options);
  const section = (s: (typeof SECTIONS)[number]) => ({
    lines: sheet[s].lines.map((line) => lineJson(line, options.lang)),
    total: lineJson(sheet[s].total, options.lang),
  });
  return renderJson({
    report: NAME,
    lang: options.lang,
    asOf: sheet.asOf,
    scope: scopeJson(options),
    villages: villageIds(state.tree, checkedScope(state.tree, options)),
    assets: section('assets'),
    liabilities: section('liabilities'),
    equity: section('equity'),
    totalLiabilitiesAndEquity: lineJson(sheet.totalLiabilitiesAndEquity, options.lang),
    balanced: sheet.balanced,
    difference: sheet.difference.toString(),
  });
};

/**
 * `balance-sheet`: 资产负债表 at the end of `--year` (or at `--as-of`), for a
 * village, a township's villages or every village, with the check that
 * assets = liabilities + equity (profit-and-loss accounts not yet closed count
 * as current-year income).
 */
export const balanceSheetReport = defineStatementReport({
  name: NAME,
  description: 'balance sheet (资产负债表) at the end of --year or at --as-of',
  refusesFrom: 'is as of one date: give --as-of (or --year for its last day)',
  render: {
    table,
    csv: (state, options) => renderCsv(csvOf(resultOf(state, options), options.lang)),
    json,
  },
});
