import { sharesReport as sharesDefinition, type ShareRegisterReport, type SharesReportResult } from '@collective-ledger/core';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';
import { classCells, className, memberClasses } from './share-options.js';

const LABELS = {
  zh: {
    title: (village: string, date: string) => `股权台账  ${village}  截至 ${date}`,
    quantified: (q: NonNullable<ShareRegisterReport['quantification']>) =>
      `折股量化 ${q.baseDate}：经营性净资产 ${q.operatingNetAssets.toDisplay()}，${q.shares.toFixed()} 股，每股 ${q.valuePerShare.toDisplay()}`,
    notQuantified: '尚未折股量化',
    totals: (total: string, collective: string) => `总股数 ${total}，其中集体股 ${collective}`,
    holders: '按股东',
    households: '按户',
    head: ['户编号', '成员编号', '姓名', '身份'],
    householdHead: ['户编号', '户主', '持股人数'],
    total: '合计',
    status: { member: '成员', former: '原成员（保留股份）' },
  },
  en: {
    title: (village: string, date: string) => `Share register  ${village}  as of ${date}`,
    quantified: (q: NonNullable<ShareRegisterReport['quantification']>) =>
      `quantified on ${q.baseDate}: operating net assets ${q.operatingNetAssets.toDisplay()}, ${q.shares.toFixed()} shares, ${q.valuePerShare.toDisplay()} per share`,
    notQuantified: 'not quantified yet',
    totals: (total: string, collective: string) => `shares in all ${total}, of which collective ${collective}`,
    holders: 'By holder',
    households: 'By household',
    head: ['household', 'member', 'name', 'status'],
    householdHead: ['household', 'head', 'holders'],
    total: 'total',
    status: { member: 'member', former: 'former member (kept shares)' },
  },
} as const;

const holderTable = (r: ShareRegisterReport, lang: ReportLanguage): Table => {
  const l = LABELS[lang];
  const classes = memberClasses(r.classes);
  const names = classes.map((c) => className(c, lang));
  return {
    columns: [...l.head, ...names, l.total],
    numeric: [...names, l.total],
    rows: r.holders.map((h) => [h.householdId, h.memberId, h.name, h.isMember ? l.status.member : l.status.former, ...classCells(classes, h.byClass), h.total.toFixed()]),
  };
};

const householdTable = (r: ShareRegisterReport, lang: ReportLanguage): Table => {
  const l = LABELS[lang];
  const classes = memberClasses(r.classes);
  const names = classes.map((c) => className(c, lang));
  return {
    columns: [...l.householdHead, ...names, l.total],
    numeric: [l.householdHead[2], ...names, l.total],
    rows: r.households.map((h) => [h.householdId, h.head, String(h.holders), ...classCells(classes, h.byClass), h.total.toFixed()]),
  };
};

const table = ({ register: r, villageName }: SharesReportResult, lang: ReportLanguage): string => {
  const l = LABELS[lang];
  const head = [l.title(villageName, r.asOf), r.quantification === undefined ? l.notQuantified : l.quantified(r.quantification), l.totals(r.totals.total.toFixed(), r.collective.total.toFixed())];
  return [`${head.join('\n')}\n`, `${l.households}\n${renderTable(householdTable(r, lang))}`, `${l.holders}\n${renderTable(holderTable(r, lang))}`].join('\n');
};

/**
 * `shares`: 股权台账 of one village as of a date: who holds how many shares of
 * each class, by holder and by household, the collective's shares, and the
 * quantification they come from.
 */
export const sharesReport = defineReport(sharesDefinition, {
  table,
  csv: ({ register }, lang) => renderCsv(holderTable(register, lang)),
});
