import type { ShareClass } from '../../domain/shares/charter-events.js';
import { dividendsReportOf, type DividendsReport } from '../dividends-report.js';
import { shareBooksProjection } from '../share-books.js';
import { defineReport, ReportOptionError } from './definition.js';
import { langOf } from './options.js';
import { checkedVillage, classesOf, classJson, distributedYear, requireVillage, shareReportOptions, villageName, type ShareReportOptions } from './share-options.js';

const NAME = 'dividends';

export interface DividendsReportOptions extends ShareReportOptions {
  /** The distributed year (required). */
  readonly year?: number;
  /** Count payments up to this `YYYY-MM-DD`. */
  readonly asOf?: string;
}

export interface DividendsReportResult {
  readonly dividends: DividendsReport;
  /** The classes members hold, in the charter's order: the columns of the share counts. */
  readonly classes: readonly ShareClass[];
  readonly villageName: string;
}

/** The amount per weighted share as an exact fraction: pool / weighted shares. */
export const exactPerShare = (r: DividendsReport): string => `${r.pool.toString()}/${r.weightedShares.toFixed()}`;

/**
 * JSON keys in this order: report, lang, village, year, declaredOn, recordDate, pool, weightedShares,
 * perShare{exact, decimal, rounded}, weights, retained, totals{dividend, paid, unpaid}, households[...], members[...].
 */
const toJson = ({ dividends: r, classes }: DividendsReportResult, options: DividendsReportOptions) => ({
  report: NAME,
  lang: langOf(options),
  village: r.village,
  year: r.year,
  declaredOn: r.declaredOn,
  recordDate: r.recordDate,
  pool: r.pool.toString(),
  weightedShares: r.weightedShares.toFixed(),
  perShare: { exact: exactPerShare(r), decimal: r.perShare.decimal.toFixed(), rounded: r.perShare.rounded.toString() },
  weights: [...r.weights].map(([classId, weight]) => ({ classId, weight: weight.toFixed() })),
  retained: r.retained.toString(),
  totals: { dividend: r.dividend.toString(), paid: r.paid.toString(), unpaid: r.unpaid.toString() },
  households: r.households.map((h) => ({
    householdId: h.householdId,
    head: h.head,
    shares: classJson(classes, h.shares),
    dividend: h.dividend.toString(),
    paid: h.paid.toString(),
    unpaid: h.unpaid.toString(),
  })),
  members: r.members.map((m) => ({
    memberId: m.memberId,
    name: m.name,
    householdId: m.householdId,
    shares: classJson(classes, m.shares),
    weightedShares: m.weightedShares.toFixed(),
    dividend: m.dividend.toString(),
    paid: m.paid.toString(),
    unpaid: m.unpaid.toString(),
  })),
});

export type DividendsJson = ReturnType<typeof toJson>;

/**
 * `dividends`: 分红明细 of one village for a distributed year: per member and
 * per household, the shares held on the record date by class, the dividend,
 * what has been paid and what is still payable; payments up to `asOf` when given.
 */
export const dividendsReport = defineReport({
  name: NAME,
  description: 'dividends (分红明细) of --village for --year: per member and household, paid and unpaid',
  ...shareReportOptions(['asOf', 'year'], 'covers a declared year; give --year, and --as-of to count payments up to a date'),
  check: (options: DividendsReportOptions) => {
    requireVillage(NAME, options);
    distributedYear(NAME, options);
  },
  replayAsOf: (options) => options.asOf,
  projection: () => shareBooksProjection(),
  result: (books, options): DividendsReportResult => {
    const village = checkedVillage(books, options);
    const year = distributedYear(NAME, options);
    const dividends = dividendsReportOf(books, village, year);
    if (dividends === undefined) throw new ReportOptionError(`${village} declared no dividends for ${year}${options.asOf === undefined ? '' : ` as of ${options.asOf}`}`);
    return { dividends, classes: classesOf(books, village), villageName: villageName(books, village) };
  },
  toJson,
});
