import { assetsReportOf, type AssetComposition, type AssetCompositionGroup, type AssetsReport } from '../asset-composition.js';
import { langOf, scopeJson } from './options.js';
import { defineAssetReport, groupHead, rateJson, type AssetReportOptions } from './asset-options.js';

export type AssetsReportOptions = AssetReportOptions;

const lineJson = (line: AssetComposition['fixedAssets']['operating']) => ({
  count: line.count,
  cost: line.cost.toString(),
  accumulated: line.accumulated.toString(),
  net: line.net.toString(),
});

type ResourceLine = AssetComposition['resources']['total'];

const resourceJson = (r: ResourceLine) => ({
  count: r.count,
  area: r.area.toString(),
  bookValue: r.bookValue.toString(),
  newlyIdentified: { count: r.newlyIdentified.count, area: r.newlyIdentified.area.toString() },
});

const compositionJson = (c: AssetComposition) => ({
  villages: c.villages,
  resources: {
    byKind: c.resources.byKind.map((k) => ({ kind: k.kind, ...resourceJson(k) })),
    total: resourceJson(c.resources.total),
  },
  fixedAssets: { operating: lineJson(c.fixedAssets.operating), nonOperating: lineJson(c.fixedAssets.nonOperating), total: lineJson(c.fixedAssets.total) },
  longTermInvestments: { count: c.longTermInvestments.count, amount: c.longTermInvestments.amount.toString() },
  totalAssets: c.totalAssets.toString(),
  otherAssets: c.otherAssets.toString(),
  shares: {
    operatingFixedAssets: rateJson(c.shares.operatingFixedAssets),
    nonOperatingFixedAssets: rateJson(c.shares.nonOperatingFixedAssets),
    longTermInvestments: rateJson(c.shares.longTermInvestments),
    otherAssets: rateJson(c.shares.otherAssets),
  },
  ledger: {
    fixedAssetsCost: c.ledger.fixedAssetsCost.toString(),
    accumulatedDepreciation: c.ledger.accumulatedDepreciation.toString(),
    longTermInvestments: c.ledger.longTermInvestments.toString(),
    agrees: c.ledger.agrees,
  },
});

const groupJson = (g: AssetCompositionGroup) => ({ ...groupHead(g), ...compositionJson(g.composition) });

/** JSON keys in this order: report, lang, asOf, scope, total, townships, villages; each group: id, code, name, then its composition. */
const toJson = (report: AssetsReport, options: AssetsReportOptions) => ({
  report: 'assets',
  lang: langOf(options),
  asOf: report.asOf,
  scope: scopeJson(options),
  total: groupJson(report.total),
  townships: report.townships.map(groupJson),
  villages: report.villages.map(groupJson),
});

export type AssetsJson = ReturnType<typeof toJson>;

/**
 * `assets`: 集体资产构成 on `asOf` (or the end of `year`): resource assets by
 * kind, fixed assets operating and non-operating, long-term investments, total
 * assets and the share of each, with the register checked against the ledger;
 * then each township and village.
 */
export const assetsReport = defineAssetReport({
  name: 'assets',
  description: 'collective assets (集体资产构成) on --as-of or at the end of --year',
  window: 'date',
  resultOf: (state, scope, window) => assetsReportOf(state, scope, window),
  toJson,
});
