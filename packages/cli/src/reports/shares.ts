import { shareBooksProjection, shareRegisterReportOf, type ShareBooks, type ShareRegisterReport } from '@collective-ledger/core';
import { UsageError } from '../errors.js';
import { renderCsv, renderJson, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage, type ReportOptions } from './report.js';
import { checkShareOptions, classCells, classJson, className, memberClasses, villageName, villageOf } from './share-options.js';
import { checkAsOfInYear } from './statement-options.js';

const NAME = 'shares';

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

/** The register's date: `--as-of`, or the last day of `--year`. */
const dateOf = (options: ReportOptions): string => {
  if (options.asOf !== undefined) return options.asOf;
  if (options.year !== undefined) return `${options.year}-12-31`;
  throw new UsageError(`${NAME} needs --as-of or --year: the register as of a date, e.g. --as-of 2023-12-31`);
};

const reportOf = (books: ShareBooks, options: ReportOptions): ShareRegisterReport => {
  const village = villageOf(books, options);
  const report = shareRegisterReportOf(books, village, dateOf(options));
  if (report === undefined) throw new UsageError(`${village} keeps no share register on this ledger`);
  return report;
};

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

const table = (books: ShareBooks, options: ReportOptions): string => {
  const r = reportOf(books, options);
  const l = LABELS[options.lang];
  const head = [l.title(villageName(books, r.village), r.asOf), r.quantification === undefined ? l.notQuantified : l.quantified(r.quantification), l.totals(r.totals.total.toFixed(), r.collective.total.toFixed())];
  return [`${head.join('\n')}\n`, `${l.households}\n${renderTable(householdTable(r, options.lang))}`, `${l.holders}\n${renderTable(holderTable(r, options.lang))}`].join('\n');
};

/** JSON keys in this order: report, lang, village, asOf, classes, quantification, totals, collective, households[...], holders[...]. */
const json = (books: ShareBooks, options: ReportOptions): string => {
  const r = reportOf(books, options);
  const q = r.quantification;
  return renderJson({
    report: NAME,
    lang: options.lang,
    village: r.village,
    asOf: r.asOf,
    classes: r.classes.map((c) => ({ classId: c.classId, name: className(c, options.lang), heldBy: c.heldBy })),
    quantification: q === undefined ? null : { baseDate: q.baseDate, operatingNetAssets: q.operatingNetAssets, shares: q.shares.toFixed(), valuePerShare: q.valuePerShare },
    totals: { byClass: classJson(r.classes, r.totals.byClass), total: r.totals.total.toFixed() },
    collective: { byClass: classJson(r.classes, r.collective.byClass), total: r.collective.total.toFixed() },
    households: r.households.map((h) => ({ householdId: h.householdId, head: h.head, holders: h.holders, byClass: classJson(r.classes, h.byClass), total: h.total.toFixed() })),
    holders: r.holders.map((h) => ({ memberId: h.memberId, name: h.name, householdId: h.householdId, isMember: h.isMember, byClass: classJson(r.classes, h.byClass), total: h.total.toFixed() })),
  });
};

/**
 * `shares`: 股权台账 of one village as of a date: who holds how many shares of
 * each class, by holder and by household, the collective's shares, and the
 * quantification they come from.
 */
export const sharesReport = defineReport<ShareBooks>({
  name: NAME,
  description: 'share register (股权台账) of --village as of --as-of or the end of --year',
  checkOptions: (options) => {
    checkShareOptions(NAME, options, 'is the register on one date: give --as-of');
    checkAsOfInYear(options);
    dateOf(options);
  },
  replayAsOf: (options) => dateOf(options),
  projection: () => shareBooksProjection(),
  render: {
    table,
    csv: (books, options) => renderCsv(holderTable(reportOf(books, options), options.lang)),
    json,
  },
});
