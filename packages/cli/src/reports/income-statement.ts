import { incomeStatementOf, type IncomeStatement, type StatementLine } from '@collective-ledger/core';
import { renderCsv, renderJson, renderTable, type Table } from './render.js';
import type { ReportLanguage, ReportOptions } from './report.js';
import { defineStatementReport, type StatementState } from './statement-report.js';
import {
  accountList,
  amountText,
  checkedScope,
  lineJson,
  nameIn,
  periodTitle,
  scopeJson,
  scopeTitle,
  statementWindow,
  statementYear,
  villageIds,
} from './statement-options.js';

const NAME = 'income-statement';

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

const resultOf = (state: StatementState, options: ReportOptions): IncomeStatement =>
  incomeStatementOf(state, checkedScope(state.tree, options), statementWindow(NAME, options));

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

const table = (state: StatementState, options: ReportOptions): string => {
  const statement = resultOf(state, options);
  const title = `${LABELS[options.lang].title}  ${scopeTitle(state.tree, checkedScope(state.tree, options), options.lang)}  ${periodTitle(statement.window, options.lang)}`;
  return `${title}\n${renderTable(tableOf(statement, options.lang))}`;
};

/**
 * JSON keys in this order: report, lang, year, from, to, scope, villages,
 * income, distribution, netIncome, openingUndistributed, distributable,
 * closingUndistributed.
 */
const json = (state: StatementState, options: ReportOptions): string => {
  const statement = resultOf(state, options);
  return renderJson({
    report: NAME,
    lang: options.lang,
    year: statementYear(NAME, options),
    from: statement.window.from,
    to: statement.window.to,
    scope: scopeJson(options),
    villages: villageIds(state.tree, checkedScope(state.tree, options)),
    income: statement.income.map((line) => lineJson(line, options.lang)),
    distribution: statement.distribution.map((line) => lineJson(line, options.lang)),
    netIncome: statement.netIncome.toString(),
    openingUndistributed: statement.openingUndistributed.toString(),
    distributable: statement.distributable.toString(),
    closingUndistributed: statement.closingUndistributed.toString(),
  });
};

/**
 * `income-statement`: 收益及收益分配表 of `--year` (or from 1 January to
 * `--as-of`): the year's income and expenses down to 本年收益, then opening
 * undistributed income, distributable income, each distribution and closing
 * undistributed income. The same before and after the year-end close.
 */
export const incomeStatementReport = defineStatementReport({
  name: NAME,
  description: 'income and distribution statement (收益及收益分配表) for --year',
  refusesFrom: 'runs from 1 January (本年累计), as its distribution needs the whole year: give --as-of to end it earlier',
  render: {
    table,
    csv: (state, options) => renderCsv(csvOf(resultOf(state, options), options.lang)),
    json,
  },
});
