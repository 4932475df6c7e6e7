import { householdIncomeReport as incomeDefinition, landTransfersReport as transfersDefinition, type HouseholdIncomeReport, type LandTransfersReport } from '@collective-ledger/core';
import { rateText } from './asset-options.js';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';

const LABELS = {
  zh: {
    transfers: (scope: string, asOf: string) => `土地流转  ${scope}  截至 ${asOf}`,
    groupColumns: ['单位', '村数', '承包地面积（亩）', '流转面积（亩）', '流转比例', '应付租金（元）', '已付（元）', '拖欠（元）'],
    operatorColumns: ['村', '流入方', '类别', '宗数', '流转面积（亩）', '应付（元）', '已付（元）', '拖欠（元）'],
    income: (scope: string, year: number) => `农户收入  ${scope}  ${year} 年`,
    incomeColumns: ['村', '农户', '户主', '人数', '工资性收入', '土地租金', '保底收益', '入股分红', '集体分红', '合计', '人均'],
    groupIncomeColumns: ['单位', '户数', '人数', '工资性收入', '土地租金', '保底收益', '入股分红', '集体分红', '合计', '人均'],
    all: '全部村',
    kinds: { company: '企业', cooperative: '合作社', 'large-grower': '种养大户', 'family-farm': '家庭农场', other: '其他' } as Readonly<Record<string, string>>,
  },
  en: {
    transfers: (scope: string, asOf: string) => `Land transfers  ${scope}  as of ${asOf}`,
    groupColumns: ['unit', 'villages', 'contracted (mu)', 'transferred (mu)', 'share', 'rent due', 'paid', 'owed'],
    operatorColumns: ['village', 'operator', 'kind', 'transfers', 'transferred (mu)', 'due', 'paid', 'owed'],
    income: (scope: string, year: number) => `Household income  ${scope}  ${year}`,
    incomeColumns: ['village', 'household', 'head', 'members', 'wages', 'rent', 'guaranteed return', 'land dividends', 'collective dividends', 'total', 'per capita'],
    groupIncomeColumns: ['unit', 'households', 'members', 'wages', 'rent', 'guaranteed return', 'land dividends', 'collective dividends', 'total', 'per capita'],
    all: 'all villages',
    kinds: { company: 'company', cooperative: 'cooperative', 'large-grower': 'large grower', 'family-farm': 'family farm', other: 'other' } as Readonly<Record<string, string>>,
  },
} as const;

type Csv = 'table' | 'csv';
const money = (m: { toDisplay(): string; toString(): string }, format: Csv): string => (format === 'csv' ? m.toString() : m.toDisplay());

const transferGroups = (r: LandTransfersReport, lang: ReportLanguage, format: Csv): Table => ({
  columns: LABELS[lang].groupColumns,
  numeric: LABELS[lang].groupColumns.slice(1),
  rows: [r.total, ...r.townships, ...r.villages].map(({ node, figures: f }) => [
    node?.name ?? LABELS[lang].all,
    String(f.villages),
    f.contractedArea.toString(),
    f.transferredArea.toString(),
    rateText(f.share),
    money(f.due, format),
    money(f.paid, format),
    money(f.owed, format),
  ]),
});

const operators = (r: LandTransfersReport, lang: ReportLanguage, format: Csv): Table => ({
  columns: LABELS[lang].operatorColumns,
  numeric: LABELS[lang].operatorColumns.slice(3),
  // The table names the operator's kind in the report's language; CSV keeps the code.
  rows: r.operators.map((o) => [o.villageId, o.operator, format === 'csv' ? o.kind : (LABELS[lang].kinds[o.kind] ?? o.kind), String(o.transfers), o.transferredArea.toString(), money(o.due, format), money(o.paid, format), money(o.owed, format)]),
});

/** `land-transfers`: the scope, townships and villages, then each operator in each village. CSV lists the operators. */
export const landTransfersReport = defineReport(transfersDefinition, {
  table: (r, lang) => `${LABELS[lang].transfers(r.total.node?.name ?? LABELS[lang].all, r.asOf)}\n${renderTable(transferGroups(r, lang, 'table'))}\n${renderTable(operators(r, lang, 'table'))}`,
  csv: (r, lang) => renderCsv(operators(r, lang, 'csv')),
});

const parts = (p: HouseholdIncomeReport['households'][number] | HouseholdIncomeReport['total']['figures'], format: Csv): string[] => [
  money(p.wages, format),
  money(p.rent, format),
  money(p.guaranteedReturn, format),
  money(p.landDividends, format),
  money(p.collectiveDividends, format),
  money(p.total, format),
  p.perCapita === undefined ? '' : money(p.perCapita, format),
];

const households = (r: HouseholdIncomeReport, lang: ReportLanguage, format: Csv): Table => ({
  columns: LABELS[lang].incomeColumns,
  numeric: LABELS[lang].incomeColumns.slice(3),
  rows: r.households.map((h) => [h.villageId, h.householdId, h.head, String(h.members), ...parts(h, format)]),
});

const incomeGroups = (r: HouseholdIncomeReport, lang: ReportLanguage): Table => ({
  columns: LABELS[lang].groupIncomeColumns,
  numeric: LABELS[lang].groupIncomeColumns.slice(1),
  rows: [r.total, ...r.townships, ...r.villages].map(({ node, figures: f }) => [node?.name ?? LABELS[lang].all, String(f.households), String(f.members), ...parts(f, 'table')]),
});

/** `household-income`: the scope, townships and villages, then each household. CSV lists the households. */
export const householdIncomeReport = defineReport(incomeDefinition, {
  table: (r, lang) => `${LABELS[lang].income(r.total.node?.name ?? LABELS[lang].all, r.year)}\n${renderTable(incomeGroups(r, lang))}\n${renderTable(households(r, lang, 'table'))}`,
  csv: (r, lang) => renderCsv(households(r, lang, 'csv')),
});
