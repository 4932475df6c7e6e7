import { yearWindow, type Window } from '../balances.js';
import type { Scope } from '../organizations.js';
import { statementsProjection } from '../statement.js';
import { defineReport, ReportOptionError, type ReportDefinition } from './definition.js';
import { checkAsOfInYear, checkedScope, refuseTwoScopes, scopeName, villageIds, type LanguageOption, type ScopeOptions } from './options.js';

/** A statement's period: `year`, or the year of `asOf`, from 1 January (or `from`) to its end or to `asOf`. */
export interface StatementOptions extends ScopeOptions, LanguageOption {
  readonly year?: number;
  /** The last day of the period, `YYYY-MM-DD`. */
  readonly asOf?: string;
}

/** The trial balance also covers a shorter period inside one year. */
export interface PeriodOptions extends StatementOptions {
  /** The first day of the period, `YYYY-MM-DD` (default 1 January). */
  readonly from?: string;
}

/** The fiscal year a statement covers: `year`, else the year of `asOf`. */
export const statementYear = (report: string, options: StatementOptions): number => {
  if (options.year !== undefined) return options.year;
  if (options.asOf !== undefined) return Number(options.asOf.slice(0, 4));
  throw new ReportOptionError(`${report} needs --year or --as-of, e.g. --year 2023 (the whole year) or --as-of 2023-06-30 (from 1 January to that day)`);
};

/** The statement's window: `from` (default 1 January of the year) to 31 December, or to `asOf`. */
export const statementWindow = (report: string, options: PeriodOptions): Window => {
  const year = yearWindow(statementYear(report, options), options.asOf);
  return options.from === undefined ? year : { from: options.from, to: year.to };
};

/** `from` must fall in the statement's year and not after the period's last day. */
const checkPeriodStart = (report: string, options: PeriodOptions): void => {
  const { from } = options;
  if (from === undefined) return;
  const year = statementYear(report, options);
  if (!from.startsWith(`${year}-`)) throw new ReportOptionError(`--from ${from} is not in ${year}: a period lies within one fiscal year`);
  const { to } = yearWindow(year, options.asOf);
  if (from > to) throw new ReportOptionError(`--from ${from} is after the period's last day ${to}`);
};

/** What every statement is computed from: the organizations, the account balances over its window, the charts. */
export type StatementsState = ReturnType<ReturnType<typeof statementsProjection>['init']>;

/** A statement with the scope it covers: its name for a title, the villages added up, the fiscal year. */
export interface StatementResult<T> {
  readonly statement: T;
  readonly scope: Scope;
  /** The village or township named by the scope; `undefined` for every village. */
  readonly scopeName: string | undefined;
  readonly villages: readonly string[];
  readonly year: number;
}

export interface StatementReportSpec<Options extends StatementOptions, T, Json> {
  readonly name: string;
  readonly description: string;
  /** Why it refuses `from`; absent when it covers any period inside a year. */
  readonly refusesFrom?: string;
  readonly statementOf: (state: StatementsState, scope: Scope, window: Window) => T;
  readonly toJson: (result: StatementResult<T>, options: Options) => Json;
}

/**
 * A financial statement: the shared option checks, a replay up to the end of
 * its window and `statementsProjection` over that window.
 */
export const defineStatementReport = <Options extends PeriodOptions, T, Json>(
  spec: StatementReportSpec<Options, T, Json>,
): ReportDefinition<Options, StatementsState, StatementResult<T>, Json> =>
  defineReport({
    name: spec.name,
    description: spec.description,
    options: ['asOf', ...(spec.refusesFrom === undefined ? (['from'] as const) : []), 'year', 'village', 'township', 'lang'],
    ...(spec.refusesFrom === undefined ? {} : { refusals: { from: `it ${spec.refusesFrom}` } }),
    // The window is all the projection reads: one model serves every village and township.
    modelOptions: ['asOf', 'from', 'year'],
    check: (options: Options) => {
      refuseTwoScopes(options);
      checkAsOfInYear(options);
      statementYear(spec.name, options);
      checkPeriodStart(spec.name, options);
    },
    replayAsOf: (options) => statementWindow(spec.name, options).to,
    projection: (options) => statementsProjection(statementWindow(spec.name, options)),
    result: (state, options): StatementResult<T> => {
      const scope = checkedScope(state.tree, options);
      return {
        statement: spec.statementOf(state, scope, statementWindow(spec.name, options)),
        scope,
        scopeName: scopeName(state.tree, scope),
        villages: villageIds(state.tree, scope),
        year: statementYear(spec.name, options),
      };
    },
    toJson: spec.toJson,
  });
