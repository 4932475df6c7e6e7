import { shareBooksProjection } from '../share-books.js';
import { shareRegisterReportOf, type ShareRegisterReport } from '../shares-report.js';
import { defineReport } from './definition.js';
import { NotOnTheBooksError } from './ledger-starts.js';
import { checkAsOfInYear, langOf, registerDate } from './options.js';
import { keepsNoShareRegister, registerStartsAfter } from './refusals.js';
import { checkedVillage, classJson, className, requireVillage, shareReportOptions, villageName, type ShareReportOptions } from './share-options.js';

const NAME = 'shares';

export interface SharesReportOptions extends ShareReportOptions {
  /** The register on this `YYYY-MM-DD`; or give `year` for its last day. */
  readonly asOf?: string;
  readonly year?: number;
}

export interface SharesReportResult {
  readonly register: ShareRegisterReport;
  readonly villageName: string;
}

/** JSON keys in this order: report, lang, village, asOf, classes, quantification, totals, collective, households[...], holders[...]. */
const toJson = ({ register: r }: SharesReportResult, options: SharesReportOptions) => {
  const lang = langOf(options);
  const q = r.quantification;
  return {
    report: NAME,
    lang,
    village: r.village,
    asOf: r.asOf,
    classes: r.classes.map((c) => ({ classId: c.classId, name: className(c, lang), heldBy: c.heldBy })),
    quantification:
      q === undefined
        ? null
        : { baseDate: q.baseDate, operatingNetAssets: q.operatingNetAssets.toString(), shares: q.shares.toFixed(), valuePerShare: q.valuePerShare.toString() },
    totals: { byClass: classJson(r.classes, r.totals.byClass), total: r.totals.total.toFixed() },
    collective: { byClass: classJson(r.classes, r.collective.byClass), total: r.collective.total.toFixed() },
    households: r.households.map((h) => ({ householdId: h.householdId, head: h.head, holders: h.holders, byClass: classJson(r.classes, h.byClass), total: h.total.toFixed() })),
    holders: r.holders.map((h) => ({ memberId: h.memberId, name: h.name, householdId: h.householdId, isMember: h.isMember, byClass: classJson(r.classes, h.byClass), total: h.total.toFixed() })),
  };
};

export type SharesJson = ReturnType<typeof toJson>;

/**
 * `shares`: 股权台账 of one village as of a date: who holds how many shares of
 * each class, by holder and by household, the collective's shares, and the
 * quantification they come from.
 */
export const sharesReport = defineReport({
  name: NAME,
  description: 'share register (股权台账) of --village as of --as-of or the end of --year',
  ...shareReportOptions(['asOf', 'year'], 'is the register on one date; give --as-of'),
  check: (options: SharesReportOptions) => {
    requireVillage(NAME, options);
    checkAsOfInYear(options);
    registerDate(NAME, options);
  },
  replayAsOf: (options) => registerDate(NAME, options),
  projection: () => shareBooksProjection(),
  result: (books, options): SharesReportResult => {
    const village = checkedVillage(books, options);
    const register = shareRegisterReportOf(books, village, registerDate(NAME, options));
    if (register === undefined) {
      throw new NotOnTheBooksError(keepsNoShareRegister(village), (starts, date) => {
        const startsOn = starts.shareRegisters.get(village);
        return startsOn !== undefined && startsOn > date ? registerStartsAfter(village, startsOn, date) : undefined;
      });
    }
    return { register, villageName: villageName(books, village) };
  },
  toJson,
});
