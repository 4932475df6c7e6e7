import { dividendsReport as dividendsDefinition, exactPerShare as exactOf, type DividendsReport, type DividendsReportResult } from '@collective-ledger/core';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { classCells, className } from './share-options.js';
import { amountText } from './statement-options.js';

const LABELS = {
  zh: {
    title: (village: string, year: number, declaredOn: string, recordDate: string) => `分红明细  ${village}  ${year}年度  宣告日 ${declaredOn}  股权登记日 ${recordDate}`,
    summary: (r: DividendsReport) =>
      `分红总额 ${r.pool.toDisplay()}，折算股数 ${r.weightedShares.toFixed()}，每股 ${r.perShare.rounded.toDisplay()}（精确值 ${exactOf(r)} = ${r.perShare.decimal.toFixed()}）\n` +
      `分给成员 ${r.dividend.toDisplay()}，集体股留存 ${r.retained.toDisplay()}；已发放 ${r.paid.toDisplay()}，未领取（仍在应付款）${r.unpaid.toDisplay()}`,
    members: '按成员',
    households: '按户',
    head: ['户编号', '成员编号', '姓名'],
    householdHead: ['户编号', '户主'],
    tail: ['折算股数', '分红', '已发放', '未发放'],
    householdTail: ['分红', '已发放', '未发放'],
  },
  en: {
    title: (village: string, year: number, declaredOn: string, recordDate: string) => `Dividends  ${village}  year ${year}  declared ${declaredOn}  record date ${recordDate}`,
    summary: (r: DividendsReport) =>
      `pool ${r.pool.toDisplay()}, weighted shares ${r.weightedShares.toFixed()}, per share ${r.perShare.rounded.toDisplay()} (exactly ${exactOf(r)} = ${r.perShare.decimal.toFixed()})\n` +
      `to members ${r.dividend.toDisplay()}, kept for the collective share ${r.retained.toDisplay()}; paid ${r.paid.toDisplay()}, unclaimed (still payable) ${r.unpaid.toDisplay()}`,
    members: 'By member',
    households: 'By household',
    head: ['household', 'member', 'name'],
    householdHead: ['household', 'head'],
    tail: ['weighted shares', 'dividend', 'paid', 'unpaid'],
    householdTail: ['dividend', 'paid', 'unpaid'],
  },
} as const;

const memberTable = ({ dividends: r, classes }: DividendsReportResult, lang: ReportLanguage, format: 'table' | 'csv'): Table => {
  const tail = LABELS[lang].tail;
  const m = (x: Parameters<typeof amountText>[0]) => amountText(x, format);
  return {
    columns: [...LABELS[lang].head, ...classes.map((c) => className(c, lang)), ...tail],
    numeric: [...classes.map((c) => className(c, lang)), ...tail],
    rows: r.members.map((x) => [x.householdId, x.memberId, x.name, ...classCells(classes, x.shares), x.weightedShares.toFixed(), m(x.dividend), m(x.paid), m(x.unpaid)]),
  };
};

const householdTable = ({ dividends: r, classes }: DividendsReportResult, lang: ReportLanguage): Table => {
  const tail = LABELS[lang].householdTail;
  return {
    columns: [...LABELS[lang].householdHead, ...classes.map((c) => className(c, lang)), ...tail],
    numeric: [...classes.map((c) => className(c, lang)), ...tail],
    rows: r.households.map((h) => [h.householdId, h.head, ...classCells(classes, h.shares), h.dividend.toDisplay(), h.paid.toDisplay(), h.unpaid.toDisplay()]),
  };
};

const table = (result: DividendsReportResult, lang: ReportLanguage): string => {
  const { dividends: r, villageName } = result;
  const l = LABELS[lang];
  return [
    `${l.title(villageName, r.year, r.declaredOn, r.recordDate)}\n${l.summary(r)}\n`,
    `${l.households}\n${renderTable(householdTable(result, lang))}`,
    `${l.members}\n${renderTable(memberTable(result, lang, 'table'))}`,
  ].join('\n');
};

/**
 * `dividends`: 分红明细 of one village for a distributed year: per member and
 * per household, the shares held on the record date by class, the dividend,
 * what has been paid and what is still payable (unclaimed); payments up to
 * `--as-of` when given.
 */
export const dividendsReport = defineReport(dividendsDefinition, {
  table,
  csv: (result, lang) => renderCsv(memberTable(result, lang, 'csv')),
});
