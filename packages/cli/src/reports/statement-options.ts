import { checkScope, villagesIn, yearWindow, type Money, type OrganizationTree, type Scope, type StatementLine, type Window } from '@collective-ledger/core';
import { UsageError } from '../errors.js';
import type { ReportLanguage, ReportOptions } from './report.js';

/** `--basis` and `--thresholds` belong to income-tiers: a statement refuses them rather than ignore them. */
export const refuseTierOptions = (report: string, options: ReportOptions): void => {
  if (options.basis !== undefined) throw new UsageError(`--basis is an option of income-tiers, not of ${report}`);
  if (options.thresholds !== undefined) throw new UsageError(`--thresholds is an option of income-tiers, not of ${report}`);
};

/** `--since` belongs to resource-income: the other reports refuse it rather than ignore it. */
export const refuseSince = (report: string, options: ReportOptions): void => {
  if (options.since !== undefined) throw new UsageError(`--since is an option of resource-income, not of ${report}`);
};

/** `--village` and `--township` choose one scope: both at once is refused. */
export const refuseTwoScopes = (options: ReportOptions): void => {
  if (options.village !== undefined && options.township !== undefined) {
    throw new UsageError('--village and --township cannot be combined: give one (or neither, for every village)');
  }
};

/** `--as-of` must fall within `--year` when both are given. */
export const checkAsOfInYear = (options: ReportOptions): void => {
  const { year, asOf } = options;
  if (year === undefined || asOf === undefined) return;
  if (!asOf.startsWith(`${year}-`)) throw new UsageError(`--as-of ${asOf} is not in --year ${year}: give a date of ${year}, or leave one out`);
};

/** The fiscal year a statement covers: `--year`, else the year of `--as-of`. */
export const statementYear = (report: string, options: ReportOptions): number => {
  if (options.year !== undefined) return options.year;
  if (options.asOf !== undefined) return Number(options.asOf.slice(0, 4));
  throw new UsageError(`${report} needs --year or --as-of, e.g. --year 2023 (the whole year) or --as-of 2023-06-30 (from 1 January to that day)`);
};

/** The statement's window: `--from` (default 1 January of the year) to 31 December, or to `--as-of`. */
export const statementWindow = (report: string, options: ReportOptions): Window => {
  const year = yearWindow(statementYear(report, options), options.asOf);
  return options.from === undefined ? year : { from: options.from, to: year.to };
};

/** `--from` is a period's first day: for the reports that cover a period, not a date or a year's statistic. */
export const refusePeriodStart = (report: string, options: ReportOptions, instead: string): void => {
  if (options.from !== undefined) throw new UsageError(`--from: ${report} ${instead}`);
};

/** `--from` must fall in the statement's year and not after the period's last day. */
const checkPeriodStart = (report: string, options: ReportOptions): void => {
  const { from } = options;
  if (from === undefined) return;
  const year = statementYear(report, options);
  if (!from.startsWith(`${year}-`)) throw new UsageError(`--from ${from} is not in ${year}: a period lies within one fiscal year`);
  const { to } = yearWindow(year, options.asOf);
  if (from > to) throw new UsageError(`--from ${from} is after the period's last day ${to}`);
};

/** The option checks every statement shares. */
export const checkStatementOptions = (report: string, options: ReportOptions): void => {
  refuseTierOptions(report, options);
  refuseSince(report, options);
  refuseTwoScopes(options);
  checkAsOfInYear(options);
  statementYear(report, options);
  checkPeriodStart(report, options);
};

export const scopeOf = (options: ReportOptions): Scope => ({
  ...(options.village === undefined ? {} : { village: options.village }),
  ...(options.township === undefined ? {} : { township: options.township }),
});

/** The scope, once the organizations are known: an unknown village or township is a usage error naming it. */
export const checkedScope = (tree: OrganizationTree, options: ReportOptions): Scope => {
  const scope = scopeOf(options);
  const problem = checkScope(tree, scope);
  if (problem !== undefined) throw new UsageError(problem);
  return scope;
};

/** `{ village, township }` as JSON, `null` when not given. */
export const scopeJson = (options: ReportOptions) => ({ village: options.village ?? null, township: options.township ?? null });

/** The ids of the villages a scope covers, in `villagesIn` order. */
export const villageIds = (tree: OrganizationTree, scope: Scope): string[] => villagesIn(tree, scope).map((v) => v.organizationId);

/** What the title line names: the village or township (its name), or every village. */
export const scopeTitle = (tree: OrganizationTree, scope: Scope, lang: ReportLanguage): string => {
  const id = scope.village ?? scope.township;
  if (id !== undefined) return tree.get(id)?.name ?? id;
  return lang === 'zh' ? '全部村' : 'all villages';
};

export const periodTitle = (window: Window, lang: ReportLanguage): string =>
  lang === 'zh' ? `${window.from} 至 ${window.to}` : `${window.from} to ${window.to}`;

/** The label of a statement line in the chosen language. */
export const nameIn = (line: { readonly nameZh: string; readonly nameEn: string }, lang: ReportLanguage): string =>
  lang === 'zh' ? line.nameZh : line.nameEn;

/** `101+102`: the accounts a line adds up. */
export const accountList = (accounts: readonly string[]): string => accounts.join('+');

/** A statement line as JSON, keys in this order: key, name, accounts, amount, kind. */
export const lineJson = (line: StatementLine, lang: ReportLanguage) => ({
  key: line.key,
  name: nameIn(line, lang),
  accounts: line.accounts,
  amount: line.amount.toString(),
  kind: line.kind,
});

/** Money for people (`1,234.50`) in tables, canonical (`1234.50`) in CSV. */
export const amountText = (amount: Money, format: 'table' | 'csv'): string => (format === 'table' ? amount.toDisplay() : amount.toString());
