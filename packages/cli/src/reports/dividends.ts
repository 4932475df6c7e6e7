import { dividendsReportOf, shareBooksProjection, type DividendsReport, type ShareBooks } from '@collective-ledger/core';
import { UsageError } from '../errors.js';
import { renderCsv, renderJson, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage, type ReportOptions } from './report.js';
import { checkShareOptions, classCells, classesOf, classJson, className, distributedYear, villageName, villageOf } from './share-options.js';
import { amountText } from './statement-options.js';

const NAME = 'dividends';

/** The amount per weighted share as an exact fraction: pool / weighted shares. */
const exactOf = (r: DividendsReport): string => `${r.pool.toString()}/${r.weightedShares.toFixed()}`;

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

const reportOf = (books: ShareBooks, options: ReportOptions): DividendsReport => {
  const village = villageOf(books, options);
  const year = distributedYear(NAME, options);
  const report = dividendsReportOf(books, village, year);
  if (report === undefined) throw new UsageError(`${village} declared no dividends for ${year}${options.asOf === undefined ? '' : ` as of ${options.asOf}`}`);
  return report;
};

const memberTable = (books: ShareBooks, r: DividendsReport, lang: ReportLanguage, format: 'table' | 'csv'): Table => {
  const classes = classesOf(books, r.village);
  const tail = LABELS[lang].tail;
  const m = (x: Parameters<typeof amountText>[0]) => amountText(x, format);
  return {
    columns: [...LABELS[lang].head, ...classes.map((c) => className(c, lang)), ...tail],
    numeric: [...classes.map((c) => className(c, lang)), ...tail],
    rows: r.members.map((x) => [x.householdId, x.memberId, x.name, ...classCells(classes, x.shares), x.weightedShares.toFixed(), m(x.dividend), m(x.paid), m(x.unpaid)]),
  };
};

const householdTable = (books: ShareBooks, r: DividendsReport, lang: ReportLanguage): Table => {
  const classes = classesOf(books, r.village);
  const tail = LABELS[lang].householdTail;
  return {
    columns: [...LABELS[lang].householdHead, ...classes.map((c) => className(c, lang)), ...tail],
    numeric: [...classes.map((c) => className(c, lang)), ...tail],
    rows: r.households.map((h) => [h.householdId, h.head, ...classCells(classes, h.shares), h.dividend.toDisplay(), h.paid.toDisplay(), h.unpaid.toDisplay()]),
  };
};

const table = (books: ShareBooks, options: ReportOptions): string => {
  const r = reportOf(books, options);
  const l = LABELS[options.lang];
  return [
    `${l.title(villageName(books, r.village), r.year, r.declaredOn, r.recordDate)}\n${l.summary(r)}\n`,
    `${l.households}\n${renderTable(householdTable(books, r, options.lang))}`,
    `${l.members}\n${renderTable(memberTable(books, r, options.lang, 'table'))}`,
  ].join('\n');
};

/**
 * JSON keys in this order: report, lang, village, year, declaredOn, recordDate, pool, weightedShares,
 * perShare{exact, decimal, rounded}, weights, retained, totals{dividend, paid, unpaid}, households[...], members[...].
 */
const json = (books: ShareBooks, options: ReportOptions): string => {
  const r = reportOf(books, options);
  const classes = classesOf(books, r.village);
  return renderJson({
    report: NAME,
    lang: options.lang,
    village: r.village,
    year: r.year,
    declaredOn: r.declaredOn,
    recordDate: r.recordDate,
    pool: r.pool,
    weightedShares: r.weightedShares.toFixed(),
    perShare: { exact: exactOf(r), decimal: r.perShare.decimal.toFixed(), rounded: r.perShare.rounded },
    weights: [...r.weights].map(([classId, weight]) => ({ classId, weight: weight.toFixed() })),
    retained: r.retained,
    totals: { dividend: r.dividend, paid: r.paid, unpaid: r.unpaid },
    households: r.households.map((h) => ({ householdId: h.householdId, head: h.head, shares: classJson(classes, h.shares), dividend: h.dividend, paid: h.paid, unpaid: h.unpaid })),
    members: r.members.map((m) => ({
      memberId: m.memberId,
      name: m.name,
      householdId: m.householdId,
      shares: classJson(classes, m.shares),
      weightedShares: m.weightedShares.toFixed(),
      dividend: m.dividend,
      paid: m.paid,
      unpaid: m.unpaid,
    })),
  });
};

/**
 * `dividends`: 分红明细 of one village for a distributed year: per member and
 * per household, the shares held on the record date by class, the dividend,
 * what has been paid and what is still payable (unclaimed); payments up to
 * `--as-of` when given.
 */
export const dividendsReport = defineReport<ShareBooks>({
  name: NAME,
  description: 'dividends (分红明细) of --village for --year: per member and household, paid and unpaid',
  checkOptions: (options) => {
    checkShareOptions(NAME, options, 'covers a declared year: give --year, and --as-of to count payments up to a date');
    distributedYear(NAME, options);
  },
  projection: () => shareBooksProjection(),
  render: {
    table,
    csv: (books, options) => renderCsv(memberTable(books, reportOf(books, options), options.lang, 'csv')),
    json,
  },
});
