import { distributionReport as distributionDefinition, type DistributionReport, type DistributionReportResult } from '@collective-ledger/core';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { amountText, nameIn } from './statement-options.js';

const LABELS = {
  zh: {
    title: (village: string, year: number) => `收益分配表  ${village}  ${year}年度`,
    approval: (r: DistributionReport) => `分配方案 ${r.resolution}，${r.approvedOn} 通过；公积公益金提取比例 ${r.reservePercent}%`,
    columns: ['项目', '借方科目', '贷方科目', '金额（元）'],
  },
  en: {
    title: (village: string, year: number) => `Income distribution  ${village}  year ${year}`,
    approval: (r: DistributionReport) => `plan ${r.resolution}, approved on ${r.approvedOn}; reserve ${r.reservePercent}%`,
    columns: ['item', 'debit', 'credit', 'amount (yuan)'],
  },
} as const;

/** Memo lines are indented: they are inside another line, not added to the total. */
const tableOf = (r: DistributionReport, lang: ReportLanguage, format: 'table' | 'csv'): Table => ({
  columns: LABELS[lang].columns,
  numeric: [LABELS[lang].columns[3]],
  rows: r.lines.map((l) => [`${l.kind === 'memo' ? '  ' : ''}${nameIn(l, lang)}`, l.accounts?.[0] ?? '', l.accounts?.[1] ?? '', amountText(l.amount, format)]),
});

const table = ({ distribution: r, villageName }: DistributionReportResult, lang: ReportLanguage): string => {
  const l = LABELS[lang];
  return `${l.title(villageName, r.year)}\n${l.approval(r)}\n\n${renderTable(tableOf(r, lang, 'table'))}`;
};

/**
 * `distribution`: 收益分配表 of one village's closed year, from the plan the
 * members' assembly approved: distributable income as the close left it, each
 * step in the legal order with the accounts it was booked to, and what stays
 * undistributed.
 */
export const distributionReport = defineReport(distributionDefinition, {
  table,
  csv: ({ distribution }, lang) => renderCsv(tableOf(distribution, lang, 'csv')),
});
