import { statementsProjection } from '@collective-ledger/core';
import { defineReport, type Report, type ReportDefinition } from './report.js';
import { checkStatementOptions, refusePeriodStart, statementWindow } from './statement-options.js';

/** What every statement is computed from: the organizations, the account balances over its window, the charts. */
export type StatementState = ReturnType<ReturnType<typeof statementsProjection>['init']>;

export interface StatementReportDefinition {
  readonly name: string;
  readonly description: string;
  /** Why the statement refuses `--from`; absent when it covers any period inside a year. */
  readonly refusesFrom?: string;
  readonly render: ReportDefinition<StatementState>['render'];
}

/**
 * A financial statement: the shared option checks, a replay up to the end of
 * its window, and `statementsProjection` over that window. Only the renderers
 * differ from one statement to the next.
 */
export const defineStatementReport = ({ name, description, refusesFrom, render }: StatementReportDefinition): Report =>
  defineReport<StatementState>({
    name,
    description,
    checkOptions: (options) => {
      if (refusesFrom !== undefined) refusePeriodStart(name, options, refusesFrom);
      checkStatementOptions(name, options);
    },
    replayAsOf: (options) => statementWindow(name, options).to,
    projection: ({ options }) => statementsProjection(statementWindow(name, options)),
    render,
  });
