import { BALANCE_SHEET_SECTIONS, balanceSheetReport as balanceSheetDefinition, type BalanceSheet, type BalanceSheetReportResult, type StatementLine } from '@collective-ledger/core';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { accountList, amountText, nameIn, scopeTitle } from './statement-options.js';

type Section = (typeof BALANCE_SHEET_SECTIONS)[number];

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

/** Every line with its section, in order: each section's lines and total, then total liabilities and equity. */
const linesOf = (sheet: BalanceSheet): [section: Section, line: StatementLine][] => [
  ...BALANCE_SHEET_SECTIONS.flatMap((section) => [...sheet[section].lines, sheet[section].total].map((line): [Section, StatementLine] => [section, line])),
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

const table = ({ statement: sheet, scopeName }: BalanceSheetReportResult, lang: ReportLanguage): string => {
  const labels = LABELS[lang];
  const title = `${labels.title}  ${scopeTitle(scopeName, lang)}  ${labels.asOf(sheet.asOf)}`;
  return `${title}\n${renderTable(tableOf(sheet, lang))}${labels.check(sheet)}\n`;
};

/**
 * `balance-sheet`: 资产负债表 at the end of `--year` (or at `--as-of`), for a
 * village, a township's villages or every village, with the check that
 * assets = liabilities + equity (profit-and-loss accounts not yet closed count
 * as current-year income).
 */
export const balanceSheetReport = defineReport(balanceSheetDefinition, {
  table,
  csv: ({ statement }, lang) => renderCsv(csvOf(statement, lang)),
});
