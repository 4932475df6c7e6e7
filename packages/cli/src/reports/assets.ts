import { assetsReport as assetsDefinition, type AssetComposition, type AssetCompositionGroup, type AssetsReport, type Money, type Rate } from '@collective-ledger/core';
import { groupSections, rateText, RESOURCE_KIND_LABELS } from './asset-options.js';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { amountText } from './statement-options.js';

const LABELS = {
  zh: {
    title: (scope: string, date: string) => `集体资产构成  ${scope}  截至 ${date}`,
    columns: ['项目', '数量', '面积（亩）', '原值（元）', '累计折旧（元）', '净值（元）', '占资产总计'],
    kinds: RESOURCE_KIND_LABELS.zh,
    resource: (kind: string) => `资源性资产：${kind}`,
    resourcesTotal: '资源性资产合计',
    newlyIdentified: '其中清产核资新增',
    operating: '经营性固定资产',
    nonOperating: '非经营性固定资产',
    fixedTotal: '固定资产合计',
    investments: '长期投资',
    other: '其他资产',
    totalAssets: '资产总计',
    check: (c: AssetComposition) => `账实核对（151 原值 ${c.ledger.fixedAssetsCost.toDisplay()}，152 累计折旧 ${c.ledger.accumulatedDepreciation.toDisplay()}，141 长期投资 ${c.ledger.longTermInvestments.toDisplay()}）：${c.ledger.agrees ? '一致' : '不一致'}`,
    groupColumns: ['单位', '村数', '经营性固定资产原值', '非经营性固定资产原值', '长期投资', '资产总计'],
    townships: '各乡镇',
    villages: '各村',
    code: '代码',
    village: '村',
    all: '全部村',
  },
  en: {
    title: (scope: string, date: string) => `Collective assets  ${scope}  as of ${date}`,
    columns: ['item', 'count', 'area (mu)', 'cost (yuan)', 'accumulated depreciation', 'net (yuan)', 'share of total assets'],
    kinds: RESOURCE_KIND_LABELS.en,
    resource: (kind: string) => `resource assets: ${kind}`,
    resourcesTotal: 'resource assets, total',
    newlyIdentified: 'of which found by the stock-take',
    operating: 'operating fixed assets',
    nonOperating: 'non-operating fixed assets',
    fixedTotal: 'fixed assets, total',
    investments: 'long-term investments',
    other: 'other assets',
    totalAssets: 'total assets',
    check: (c: AssetComposition) =>
      `register against ledger (151 cost ${c.ledger.fixedAssetsCost.toDisplay()}, 152 accumulated depreciation ${c.ledger.accumulatedDepreciation.toDisplay()}, 141 investments ${c.ledger.longTermInvestments.toDisplay()}): ${c.ledger.agrees ? 'agrees' : 'DIFFERS'}`,
    groupColumns: ['unit', 'villages', 'operating fixed assets, cost', 'non-operating fixed assets, cost', 'long-term investments', 'total assets'],
    townships: 'Townships',
    villages: 'Villages',
    code: 'code',
    village: 'village',
    all: 'all villages',
  },
} as const;

const m = (amount: Money): string => amount.toDisplay();

/** The composition as rows: resources by kind, fixed assets, investments, other assets, total. */
const compositionRows = (c: AssetComposition, lang: ReportLanguage): string[][] => {
  const l = LABELS[lang];
  const fixed = (label: string, line: AssetComposition['fixedAssets']['operating'], share: Rate | undefined) => [label, String(line.count), '', m(line.cost), m(line.accumulated), m(line.net), rateText(share)];
  const used = c.resources.byKind.filter((k) => k.count > 0);
  return [
    ...used.map((k) => [l.resource(l.kinds[k.kind]), String(k.count), k.area.toString(), m(k.bookValue), '', '', '']),
    [l.resourcesTotal, String(c.resources.total.count), c.resources.total.area.toString(), m(c.resources.total.bookValue), '', '', ''],
    [l.newlyIdentified, String(c.resources.total.newlyIdentified.count), c.resources.total.newlyIdentified.area.toString(), '', '', '', ''],
    fixed(l.operating, c.fixedAssets.operating, c.shares.operatingFixedAssets),
    fixed(l.nonOperating, c.fixedAssets.nonOperating, c.shares.nonOperatingFixedAssets),
    fixed(l.fixedTotal, c.fixedAssets.total, undefined),
    [l.investments, String(c.longTermInvestments.count), '', '', '', m(c.longTermInvestments.amount), rateText(c.shares.longTermInvestments)],
    [l.other, '', '', '', '', m(c.otherAssets), rateText(c.shares.otherAssets)],
    [l.totalAssets, '', '', '', '', m(c.totalAssets), c.totalAssets.isZero() ? '-' : '100.0%'],
  ];
};

/** Townships: name and number of villages; villages: code and name. Then the figures of each. */
const groupTable = (groups: readonly AssetCompositionGroup[], lang: ReportLanguage, format: 'table' | 'csv', of: 'townships' | 'villages'): Table => {
  const l = LABELS[lang];
  const head = of === 'townships' ? l.groupColumns.slice(0, 2) : [l.code, l.village];
  const figures = l.groupColumns.slice(2);
  return {
    columns: [...head, ...figures],
    numeric: of === 'townships' ? [l.groupColumns[1], ...figures] : figures,
    rows: groups.map(({ code, name, composition: c }) => [
      ...(of === 'townships' ? [name ?? l.all, String(c.villages)] : [code ?? '', name ?? '']),
      amountText(c.fixedAssets.operating.cost, format),
      amountText(c.fixedAssets.nonOperating.cost, format),
      amountText(c.longTermInvestments.amount, format),
      amountText(c.totalAssets, format),
    ]),
  };
};

const table = (report: AssetsReport, lang: ReportLanguage): string => {
  const l = LABELS[lang];
  const { composition } = report.total;
  const main = renderTable({ columns: l.columns, numeric: l.columns.slice(1), rows: compositionRows(composition, lang) });
  const groups = groupSections(l, groupTable(report.townships, lang, 'table', 'townships'), groupTable(report.villages, lang, 'table', 'villages'));
  return `${l.title(report.total.name ?? l.all, report.asOf)}\n${main}${l.check(composition)}\n${groups}`;
};

/**
 * `assets`: 集体资产构成 on `--as-of` (or the end of `--year`): resource assets
 * by kind, fixed assets operating and non-operating at cost with accumulated
 * depreciation and net value, long-term investments, total assets from the
 * balance sheet and the share of each, with the register checked against the
 * ledger; then each township and village.
 */
export const assetsReport = defineReport(assetsDefinition, {
  table,
  // CSV: one row per village with the figures of the group table.
  csv: (report, lang) => renderCsv(groupTable(report.villages, lang, 'csv', 'villages')),
});
