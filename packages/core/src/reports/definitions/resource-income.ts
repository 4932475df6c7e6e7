import type { AssetsState } from '../assets-projection.js';
import { resourceIncomeReportOf, type ResourceIncomeGroup, type ResourceIncomeReport, type ResourceIncomeTotals } from '../resource-income.js';
import { langOf, scopeJson } from './options.js';
import { defineAssetReport, groupHead, type AssetReportOptions } from './asset-options.js';

export interface ResourceIncomeReportOptions extends AssetReportOptions {
  /** Resources a stock-take found on or after this `YYYY-MM-DD` count as newly identified (default 1 January of `year`). */
  readonly since?: string;
}

/** The report with the name of every organization, for the resource list. */
export interface ResourceIncomeReportResult {
  readonly report: ResourceIncomeReport;
  readonly organizationNames: ReadonlyMap<string, string>;
}

const namesOf = (state: AssetsState): Map<string, string> => new Map([...state.tree.values()].map((n) => [n.organizationId, n.name]));

const totalsJson = (t: ResourceIncomeTotals) => ({ resources: t.resources, area: t.area.toString(), income: t.income.toString() });

const groupJson = (group: ResourceIncomeGroup) => ({
  ...groupHead(group),
  villages: group.income.villages,
  total: totalsJson(group.income.total),
  byKind: group.income.byKind.map((k) => ({ kind: k.kind, ...totalsJson(k) })),
  newlyIdentified: totalsJson(group.income.newlyIdentified),
});

/** JSON keys in this order: report, lang, year, from, to, since, scope, total, townships, resources. */
const toJson = ({ report }: ResourceIncomeReportResult, options: ResourceIncomeReportOptions) => ({
  report: 'resource-income',
  lang: langOf(options),
  year: options.year ?? null,
  from: report.window.from,
  to: report.window.to,
  since: report.since,
  scope: scopeJson(options),
  total: groupJson(report.total),
  townships: report.townships.map(groupJson),
  resources: report.resources.map((r) => ({
    villageId: r.villageId,
    assetId: r.assetId,
    name: r.name,
    kind: r.kind,
    area: r.area.toString(),
    identifiedBy: r.identifiedBy,
    registeredOn: r.registeredOn,
    newlyIdentified: r.newlyIdentified,
    income: r.income.toString(),
  })),
});

export type ResourceIncomeJson = ReturnType<typeof toJson>;

/**
 * `resource-income`: 资源性资产收入 of `year`: the income of every resource
 * of the scope, in all, by kind and by township, and the part from resources a
 * stock-take found on or after `since` (default 1 January of the year).
 */
export const resourceIncomeReport = defineAssetReport({
  name: 'resource-income',
  description: 'income from resource assets (资源性资产收入) for --year, new ones since --since',
  window: 'year',
  moreOptions: ['since'],
  resultOf: (state, scope, window, options: ResourceIncomeReportOptions): ResourceIncomeReportResult => ({
    report: resourceIncomeReportOf(state, scope, window, options.since ?? window.from),
    organizationNames: namesOf(state),
  }),
  toJson,
});
