import { distributionReportOf, shareBooksProjection, type DistributionReport, type ShareBooks } from '@collective-ledger/core';
import { UsageError } from '../errors.js';
import { renderCsv, renderJson, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage, type ReportOptions } from './report.js';
import { checkShareOptions, distributedYear, villageName, villageOf } from './share-options.js';
import { amountText, nameIn } from './statement-options.js';

const NAME = 'distribution';

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

const reportOf = (books: ShareBooks, options: ReportOptions): DistributionReport => {
  const village = villageOf(books, options);
  const year = distributedYear(NAME, options);
  const report = distributionReportOf(books, village, year);
  if (report === undefined) throw new UsageError(`no distribution of ${village}'s ${year} income is on the ledger${options.asOf === undefined ? '' : ` as of ${options.asOf}`}`);
  return report;
};

/** Memo lines are indented: they are inside another line, not added to the total. */
const tableOf = (r: DistributionReport, lang: ReportLanguage, format: 'table' | 'csv'): Table => ({
  columns: LABELS[lang].columns,
  numeric: [LABELS[lang].columns[3]],
  rows: r.lines.map((l) => [`${l.kind === 'memo' ? '  ' : ''}${nameIn(l, lang)}`, l.accounts?.[0] ?? '', l.accounts?.[1] ?? '', amountText(l.amount, format)]),
});

const table = (books: ShareBooks, options: ReportOptions): string => {
  const r = reportOf(books, options);
  const l = LABELS[options.lang];
  return `${l.title(villageName(books, r.village), r.year)}\n${l.approval(r)}\n\n${renderTable(tableOf(r, options.lang, 'table'))}`;
};

/** JSON keys in this order: report, lang, village, year, approvedOn, resolution, reservePercent, lines[{key, name, kind, debit, credit, amount}], undistributed. */
const json = (books: ShareBooks, options: ReportOptions): string => {
  const r = reportOf(books, options);
  return renderJson({
    report: NAME,
    lang: options.lang,
    village: r.village,
    year: r.year,
    approvedOn: r.approvedOn,
    resolution: r.resolution,
    reservePercent: r.reservePercent,
    lines: r.lines.map((l) => ({ key: l.key, name: nameIn(l, options.lang), kind: l.kind, debit: l.accounts?.[0] ?? null, credit: l.accounts?.[1] ?? null, amount: l.amount })),
    undistributed: r.undistributed,
  });
};

/**
 * `distribution`: 收益分配表 of one village's closed year, from the plan the
 * members' assembly approved: distributable income as the close left it, each
 * step in the legal order with the accounts it was booked to, and what stays
 * undistributed.
 */
export const distributionReport = defineReport<ShareBooks>({
  name: NAME,
  description: 'income distribution statement (收益分配表) of --village for the closed --year',
  checkOptions: (options) => {
    checkShareOptions(NAME, options, 'is the statement of a whole closed year: give --year');
    distributedYear(NAME, options);
  },
  projection: () => shareBooksProjection(),
  render: {
    table,
    csv: (books, options) => renderCsv(tableOf(reportOf(books, options), options.lang, 'csv')),
    json,
  },
});
