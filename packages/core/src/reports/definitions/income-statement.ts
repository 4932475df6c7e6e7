import { incomeStatementOf, type IncomeStatement } from '../income-statement.js';
import { langOf, lineJson, scopeJson } from './options.js';
import { defineStatementReport, type StatementOptions, type StatementResult } from './statement-options.js';

export type IncomeStatementReportOptions = StatementOptions;
export type IncomeStatementReportResult = StatementResult<IncomeStatement>;

/**
 * JSON keys in this order: report, lang, year, from, to, scope, villages,
 * income, distribution, netIncome, openingUndistributed, distributable,
 * closingUndistributed.
 */
const toJson = ({ statement, villages, year }: IncomeStatementReportResult, options: IncomeStatementReportOptions) => {
  const lang = langOf(options);
  return {
    report: 'income-statement',
    lang,
    year,
    from: statement.window.from,
    to: statement.window.to,
    scope: scopeJson(options),
    villages,
    income: statement.income.map((line) => lineJson(line, lang)),
    distribution: statement.distribution.map((line) => lineJson(line, lang)),
    netIncome: statement.netIncome.toString(),
    openingUndistributed: statement.openingUndistributed.toString(),
    distributable: statement.distributable.toString(),
    closingUndistributed: statement.closingUndistributed.toString(),
  };
};

export type IncomeStatementJson = ReturnType<typeof toJson>;

/**
 * `income-statement`: 收益及收益分配表 of `year` (or from 1 January to
 * `asOf`): income and expenses down to 本年收益, then opening undistributed
 * income, distributable income, each distribution and closing undistributed
 * income.
 */
export const incomeStatementReport = defineStatementReport({
  name: 'income-statement',
  description: 'income and distribution statement (收益及收益分配表) for --year',
  refusesFrom: 'runs from 1 January (本年累计), as its distribution needs the whole year; give --as-of to end it earlier',
  statementOf: incomeStatementOf,
  toJson,
});
