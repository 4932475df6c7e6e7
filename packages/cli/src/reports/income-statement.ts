import { incomeStatementReport as incomeStatementDefinition, type IncomeStatement, type IncomeStatementReportResult, type StatementLine } from '@collective-ledger/core';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { accountList, amountText, nameIn, periodTitle, scopeTitle } from './statement-options.js';

const PARTS = ['income', 'distribution'] as const;

const LABELS = {
  zh: {
    title: '收益及收益分配表',
    columns: ['项目', '科目', '金额'],
    csvColumns: ['部分', '键', '项目', '科目', '金额'],
    parts: { income: '收益', distribution: '收益分配' },
  },
  en: {
    title: 'Income and distribution statement',
    columns: ['item', 'accounts', 'amount'],
    csvColumns: ['part', 'key', 'item', 'accounts', 'amount'],
    parts: { income: 'Income', distribution: 'Distribution' },
  },
} as const;

const linesOf = (statement: IncomeStatement): [part: (typeof PARTS)[number], line: StatementLine][] =>
  PARTS.flatMap((part) => statement[part].map((line): [(typeof PARTS)[number], StatementLine] => [part, line]));

/** Items are indented under the subtotals they add up to, in a table. */
const label = (line: StatementLine, lang: ReportLanguage): string => `${line.kind === 'item' ? '  ' : ''}${nameIn(line, lang)}`;

const tableOf = (statement: IncomeStatement, lang: ReportLanguage): Table => {
  const labels = LABELS[lang];
  const rows: string[][] = [];
  for (const [part, line] of linesOf(statement)) {
    if (line === statement[part][0]) rows.push([labels.parts[part], '', '']);
    rows.push([label(line, lang), line.kind === 'item' ? accountList(line.accounts) : '', amountText(line.amount, 'table')]);
  }
  return { columns: labels.columns, numeric: [labels.columns[2]], rows };
};

const csvOf = (statement: IncomeStatement, lang: ReportLanguage): Table => ({
  columns: LABELS[lang].csvColumns,
  rows: linesOf(statement).map(([part, line]) => [part, line.key, nameIn(line, lang), accountList(line.accounts), amountText(line.amount, 'csv')]),
});

const table = ({ statement, scopeName }: IncomeStatementReportResult, lang: ReportLanguage): string => {
  const title = `${LABELS[lang].title}  ${scopeTitle(scopeName, lang)}  ${periodTitle(statement.window, lang)}`;
  return `${title}\n${renderTable(tableOf(statement, lang))}`;
};

/**
 * `income-statement`: 收益及收益分配表 of `--year` (or from 1 January to
 * `--as-of`): the year's income and expenses down to 本年收益, then opening
 * undistributed income, distributable income, each distribution and closing
 * undistributed income. The same before and after the year-end close.
 */
export const incomeStatementReport = defineReport(incomeStatementDefinition, {
  table,
  csv: ({ statement }, lang) => renderCsv(csvOf(statement, lang)),
});
