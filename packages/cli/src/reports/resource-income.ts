import {
  resourceIncomeReport as resourceIncomeDefinition,
  type ResourceIncomeGroup,
  type ResourceIncomeReport,
  type ResourceIncomeReportResult,
  type ResourceIncomeTotals,
} from '@collective-ledger/core';
import { RESOURCE_KIND_LABELS } from './asset-options.js';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { amountText, periodTitle } from './statement-options.js';

const KINDS = RESOURCE_KIND_LABELS;

const LABELS = {
  zh: {
    title: '资源性资产收入',
    newSince: (since: string) => `新增资源性资产：${since} 以来清产核资新增`,
    columns: ['项目', '资源数', '面积（亩）', '收入（元）'],
    total: '资源性资产收入合计',
    newly: '其中新增资源性资产',
    kind: (k: string) => `  ${k}`,
    groupColumns: ['单位', '资源数', '收入（元）', '新增资源数', '新增资源收入（元）'],
    resourceColumns: ['村', '资源编号', '名称', '类别', '面积（亩）', '登记日期', '新增', '收入（元）'],
    townships: '各乡镇',
    resources: '各资源',
    yes: '是',
    all: '全部村',
  },
  en: {
    title: 'Income from resource assets',
    newSince: (since: string) => `newly identified: found by a stock-take on or after ${since}`,
    columns: ['item', 'resources', 'area (mu)', 'income (yuan)'],
    total: 'resource income, total',
    newly: 'of which from newly identified resources',
    kind: (k: string) => `  ${k}`,
    groupColumns: ['unit', 'resources', 'income', 'new resources', 'income from new resources'],
    resourceColumns: ['village', 'resource', 'name', 'kind', 'area (mu)', 'registered', 'new', 'income'],
    townships: 'Townships',
    resources: 'Resources',
    yes: 'yes',
    all: 'all villages',
  },
} as const;

const totalsRow = (label: string, t: ResourceIncomeTotals): string[] => [label, String(t.resources), t.area.toString(), t.income.toDisplay()];

const mainTable = (report: ResourceIncomeReport, lang: ReportLanguage): Table => {
  const l = LABELS[lang];
  const { income } = report.total;
  return {
    columns: l.columns,
    numeric: l.columns.slice(1),
    rows: [
      totalsRow(l.total, income.total),
      ...income.byKind.filter((k) => k.resources > 0).map((k) => totalsRow(l.kind(KINDS[lang][k.kind]), k)),
      totalsRow(l.newly, income.newlyIdentified),
    ],
  };
};

const groupTable = (groups: readonly ResourceIncomeGroup[], lang: ReportLanguage): Table => ({
  columns: LABELS[lang].groupColumns,
  numeric: LABELS[lang].groupColumns.slice(1),
  rows: groups.map(({ name, income }) => [
    name ?? LABELS[lang].all,
    String(income.total.resources),
    income.total.income.toDisplay(),
    String(income.newlyIdentified.resources),
    income.newlyIdentified.income.toDisplay(),
  ]),
});

const resourceTable = (report: ResourceIncomeReport, lang: ReportLanguage, format: 'table' | 'csv', names: ReadonlyMap<string, string>): Table => ({
  columns: LABELS[lang].resourceColumns,
  numeric: [LABELS[lang].resourceColumns[4], LABELS[lang].resourceColumns[7]],
  rows: report.resources.map((r) => [
    names.get(r.villageId) ?? r.villageId,
    r.assetId,
    r.name,
    KINDS[lang][r.kind],
    r.area.toString(),
    r.registeredOn,
    r.newlyIdentified ? LABELS[lang].yes : '',
    amountText(r.income, format),
  ]),
});

const table = ({ report, organizationNames }: ResourceIncomeReportResult, lang: ReportLanguage): string => {
  const l = LABELS[lang];
  const head = `${l.title}  ${report.total.name ?? l.all}  ${periodTitle(report.window, lang)}\n${l.newSince(report.since)}\n`;
  const townships = report.townships.length > 1 ? `\n${l.townships}\n${renderTable(groupTable(report.townships, lang))}` : '';
  return `${head}${renderTable(mainTable(report, lang))}${townships}\n${l.resources}\n${renderTable(resourceTable(report, lang, 'table', organizationNames))}`;
};

/**
 * `resource-income`: 资源性资产收入 of `--year`: the income of every resource
 * of the scope, in all, by kind and by township, and the part from resources a
 * stock-take found on or after `--since` (default 1 January of the year).
 */
export const resourceIncomeReport = defineReport(resourceIncomeDefinition, {
  table,
  csv: ({ report, organizationNames }, lang) => renderCsv(resourceTable(report, lang, 'csv', organizationNames)),
});
