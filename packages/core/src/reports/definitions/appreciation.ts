import type { Money } from '../../money/money.js';
import { appreciationReportOf, type Appreciation, type AppreciationGroup, type AppreciationReport } from '../appreciation.js';
import { langOf, scopeJson } from './options.js';
import { defineAssetReport, groupHead, rateJson, type AssetReportOptions } from './asset-options.js';

export type AppreciationReportOptions = AssetReportOptions;

/** The objective factors, in this order. */
export const APPRECIATION_INCREASES = ['capitalInjected', 'transfersIn', 'subsidies', 'donations', 'stockTakeGains', 'revaluationGains', 'total'] as const;
export const APPRECIATION_DECREASES = ['transfersOut', 'stockTakeLosses', 'revaluationLosses', 'forceMajeure', 'total'] as const;

const moneyJson = <K extends string>(values: Readonly<Record<K, Money>>, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, values[k].toString()])) as Record<K, string>;

const appreciationJson = (a: Appreciation) => ({
  villages: a.villages,
  openingEquity: a.openingEquity.toString(),
  closingEquity: a.closingEquity.toString(),
  increases: moneyJson(a.increases, APPRECIATION_INCREASES),
  decreases: moneyJson(a.decreases, APPRECIATION_DECREASES),
  adjustedClosingEquity: a.adjustedClosingEquity.toString(),
  rate: rateJson(a.rate),
  verdict: a.verdict ?? null,
});

const groupJson = (g: AppreciationGroup) => ({ ...groupHead(g), ...appreciationJson(g.appreciation) });

/** JSON keys in this order: report, lang, year, from, to, scope, total, townships, villages. */
const toJson = (report: AppreciationReport, options: AppreciationReportOptions) => ({
  report: 'appreciation',
  lang: langOf(options),
  year: options.year ?? null,
  from: report.window.from,
  to: report.window.to,
  scope: scopeJson(options),
  total: groupJson(report.total),
  townships: report.townships.map(groupJson),
  villages: report.villages.map(groupJson),
});

export type AppreciationJson = ReturnType<typeof toJson>;

/**
 * `appreciation`: 资产保值增值 of `year`: opening and closing owners' equity,
 * the objective increases and decreases by kind, and the rate with its
 * verdict, for the scope and each township and village.
 */
export const appreciationReport = defineAssetReport({
  name: 'appreciation',
  description: 'value preservation and appreciation (资产保值增值) for --year',
  window: 'year',
  resultOf: (state, scope, window) => appreciationReportOf(state, scope, window),
  toJson,
});
