import { distributionReportOf, type DistributionReport } from '../distribution-report.js';
import { shareBooksProjection } from '../share-books.js';
import { defineReport, ReportOptionError } from './definition.js';
import { langOf, nameIn } from './options.js';
import { checkedVillage, distributedYear, requireVillage, shareReportOptions, villageName, type ShareReportOptions } from './share-options.js';

const NAME = 'distribution';

export interface DistributionReportOptions extends ShareReportOptions {
  /** The closed year whose income was distributed (required). */
  readonly year?: number;
  /** Only what is on the ledger up to this `YYYY-MM-DD`. */
  readonly asOf?: string;
}

export interface DistributionReportResult {
  readonly distribution: DistributionReport;
  readonly villageName: string;
}

/** JSON keys in this order: report, lang, village, year, approvedOn, resolution, reservePercent, lines[{key, name, kind, debit, credit, amount}], undistributed. */
const toJson = ({ distribution: r }: DistributionReportResult, options: DistributionReportOptions) => {
  const lang = langOf(options);
  return {
    report: NAME,
    lang,
    village: r.village,
    year: r.year,
    approvedOn: r.approvedOn,
    resolution: r.resolution,
    reservePercent: r.reservePercent,
    lines: r.lines.map((l) => ({
      key: l.key,
      name: nameIn(l, lang),
      kind: l.kind,
      debit: l.accounts?.[0] ?? null,
      credit: l.accounts?.[1] ?? null,
      amount: l.amount.toString(),
    })),
    undistributed: r.undistributed.toString(),
  };
};

export type DistributionJson = ReturnType<typeof toJson>;

/**
 * `distribution`: 收益分配表 of one village's closed year, from the plan the
 * members' assembly approved: distributable income as the close left it, each
 * step in the legal order with the accounts it was booked to, and what stays
 * undistributed.
 */
export const distributionReport = defineReport({
  name: NAME,
  description: 'income distribution statement (收益分配表) of --village for the closed --year',
  ...shareReportOptions(['asOf', 'year'], 'is the statement of a whole closed year; give --year'),
  check: (options: DistributionReportOptions) => {
    requireVillage(NAME, options);
    distributedYear(NAME, options);
  },
  replayAsOf: (options) => options.asOf,
  projection: () => shareBooksProjection(),
  result: (books, options): DistributionReportResult => {
    const village = checkedVillage(books, options);
    const year = distributedYear(NAME, options);
    const distribution = distributionReportOf(books, village, year);
    if (distribution === undefined) {
      throw new ReportOptionError(`no distribution of ${village}'s ${year} income is on the ledger${options.asOf === undefined ? '' : ` as of ${options.asOf}`}`);
    }
    return { distribution, villageName: villageName(books, village) };
  },
  toJson,
});
