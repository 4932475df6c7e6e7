import type { Area } from '../../money/area.js';
import type { Money } from '../../money/money.js';
import { householdIncomeProjection, householdIncomeReportOf, type HouseholdIncomeReport, type IncomeParts } from '../household-income.js';
import { landProjection, landTransfersReportOf, type LandTransfersReport, type TransferFigures } from '../land-transfers.js';
import { groupHead, rateJson } from './asset-options.js';
import { defineReport, ReportOptionError } from './definition.js';
import { checkAsOfInYear, checkedScope, langOf, refuseTwoScopes, registerDate, scopeJson, type LanguageOption, type ScopeOptions } from './options.js';

export interface LandReportOptions extends ScopeOptions, LanguageOption {
  readonly year?: number;
  readonly asOf?: string;
}

const mu = (a: Area) => a.toString();
const yuan = (m: Money) => m.toString();

const transferJson = (f: TransferFigures) => ({
  villages: f.villages,
  contractedArea: mu(f.contractedArea),
  transferredArea: mu(f.transferredArea),
  share: rateJson(f.share),
  transfers: f.transfers,
  due: yuan(f.due),
  paid: yuan(f.paid),
  owed: yuan(f.owed),
});

const transfersDate = (options: LandReportOptions): string => {
  checkAsOfInYear(options);
  return registerDate('land-transfers', options);
};

/** JSON keys in this order: report, lang, asOf, scope, total, townships, villages, operators. */
const transfersToJson = (r: LandTransfersReport, options: LandReportOptions) => ({
  report: 'land-transfers',
  lang: langOf(options),
  asOf: r.asOf,
  scope: scopeJson(options),
  total: { ...groupHead({ id: r.total.node?.organizationId, code: r.total.node?.code, name: r.total.node?.name }), ...transferJson(r.total.figures) },
  townships: r.townships.map((g) => ({ ...groupHead({ id: g.node?.organizationId, code: g.node?.code, name: g.node?.name }), ...transferJson(g.figures) })),
  villages: r.villages.map((g) => ({ ...groupHead({ id: g.node?.organizationId, code: g.node?.code, name: g.node?.name }), ...transferJson(g.figures) })),
  operators: r.operators.map((o) => ({ villageId: o.villageId, operator: o.operator, kind: o.kind, transfers: o.transfers, transferredArea: mu(o.transferredArea), due: yuan(o.due), paid: yuan(o.paid), owed: yuan(o.owed) })),
});

/**
 * `land-transfers`: 土地流转 on `asOf` (or the end of `year`): contracted and
 * transferred area and its share, transfers, and the rent and guaranteed
 * return due, paid and owed to households; per scope, township, village and
 * operator.
 */
export const landTransfersReport = defineReport({
  name: 'land-transfers',
  description: 'land transfers (土地流转): area transferred and its share of contracted land, rent due, paid and owed, per village and operator, on --as-of or the end of --year',
  options: ['asOf', 'year', 'village', 'township', 'lang'],
  check: (options: LandReportOptions) => {
    refuseTwoScopes(options);
    transfersDate(options);
  },
  replayAsOf: transfersDate,
  projection: () => landProjection(),
  result: (state, options) => landTransfersReportOf(state, checkedScope(state.tree, options), transfersDate(options)),
  toJson: transfersToJson,
});

export type LandTransfersJson = ReturnType<typeof transfersToJson>;

const partsJson = (p: IncomeParts) => ({
  wages: yuan(p.wages),
  rent: yuan(p.rent),
  guaranteedReturn: yuan(p.guaranteedReturn),
  landDividends: yuan(p.landDividends),
  collectiveDividends: yuan(p.collectiveDividends),
  total: yuan(p.total),
  members: p.members,
  perCapita: p.perCapita === undefined ? null : yuan(p.perCapita),
});

const incomeYear = (options: LandReportOptions): number => {
  if (options.year === undefined) throw new ReportOptionError('household-income needs --year, e.g. --year 2018');
  return options.year;
};

type Group = HouseholdIncomeReport['total'];
const groupJson = (g: Group) => ({ ...groupHead({ id: g.node?.organizationId, code: g.node?.code, name: g.node?.name }), households: g.figures.households, ...partsJson(g.figures) });

/** JSON keys in this order: report, lang, year, scope, total, townships, villages, households. */
const incomeToJson = (r: HouseholdIncomeReport, options: LandReportOptions) => ({
  report: 'household-income',
  lang: langOf(options),
  year: r.year,
  scope: scopeJson(options),
  total: groupJson(r.total),
  townships: r.townships.map(groupJson),
  villages: r.villages.map(groupJson),
  households: r.households.map((h) => ({ villageId: h.villageId, householdId: h.householdId, head: h.head, ...partsJson(h) })),
});

/**
 * `household-income`: 农户收入 of `year`, received in the year: wages, land
 * rent, guaranteed return, land-share dividends and collective dividends,
 * their total and per capita, per household, village, township and scope.
 */
export const householdIncomeReport = defineReport({
  name: 'household-income',
  description: 'household income (农户收入) of --year: wages, land rent, guaranteed return, land dividends, collective dividends, total and per capita',
  options: ['year', 'village', 'township', 'lang'],
  refusals: { asOf: 'it covers a calendar year; give --year' },
  check: (options: LandReportOptions) => {
    refuseTwoScopes(options);
    incomeYear(options);
  },
  replayAsOf: (options) => `${incomeYear(options)}-12-31`,
  projection: () => householdIncomeProjection(),
  result: (state, options) => householdIncomeReportOf(state, checkedScope(state.tree, options), incomeYear(options)),
  toJson: incomeToJson,
});

export type HouseholdIncomeJson = ReturnType<typeof incomeToJson>;
