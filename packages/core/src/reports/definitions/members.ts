import { countsOn, householdsOf, type HouseholdOn, type RegisterCounts } from '../../domain/organization/member-register.js';
import { membersProjection } from '../members.js';
import { defineReport, ReportOptionError } from './definition.js';
import { checkAsOfInYear, checkedScope, langOf, registerDate, type LanguageOption } from './options.js';

const NAME = 'members';

export interface MembersReportOptions extends LanguageOption {
  /** The village (required). */
  readonly village?: string;
  /** The register on this `YYYY-MM-DD`; or give `year` for its last day. */
  readonly asOf?: string;
  readonly year?: number;
}

/** 成员名册 of one village on one date. */
export interface MemberRoll {
  readonly village: string;
  readonly name: string;
  readonly date: string;
  readonly households: readonly HouseholdOn[];
  readonly counts: RegisterCounts;
}

const villageOf = (options: MembersReportOptions): string => {
  if (options.village === undefined) throw new ReportOptionError(`${NAME} needs --village: a member register belongs to one village`);
  return options.village;
};

/** JSON keys in this order: report, lang, village, asOf, counts{households, members}, households[{householdId, head, address, registeredOn, members[...]}]. */
const toJson = (roll: MemberRoll, options: MembersReportOptions) => ({
  report: NAME,
  lang: langOf(options),
  village: roll.village,
  asOf: roll.date,
  counts: roll.counts,
  households: roll.households.map((h) => ({
    householdId: h.householdId,
    head: h.head,
    address: h.address ?? null,
    registeredOn: h.registeredOn,
    members: h.members.map((m) => ({ memberId: m.memberId, name: m.name, idNumber: m.idNumber ?? null, joinedOn: m.joinedOn, joinReason: m.joinReason })),
  })),
});

export type MembersJson = ReturnType<typeof toJson>;

/**
 * `members`: 成员名册 of one village as of a date: its households and, in each,
 * the people who are members on that date (joined on or before it, not left by
 * it), with the counts 户数 (households with a member) and 人数.
 */
export const membersReport = defineReport({
  name: NAME,
  description: 'member register (成员名册) of --village as of --as-of or the end of --year',
  options: ['asOf', 'year', 'village', 'lang'],
  refusals: {
    from: 'it is the register on one date; give --as-of',
    township: 'a member register belongs to one village; use --village',
  },
  check: (options: MembersReportOptions) => {
    checkAsOfInYear(options);
    villageOf(options);
    registerDate(NAME, options);
  },
  replayAsOf: (options) => registerDate(NAME, options),
  projection: () => membersProjection(),
  result: (state, options): MemberRoll => {
    checkedScope(state.tree, options);
    const village = villageOf(options);
    const date = registerDate(NAME, options);
    return {
      village,
      name: state.tree.get(village)?.name ?? village,
      date,
      households: householdsOf(state.register, village, date),
      counts: countsOn(state.register, village, date),
    };
  },
  toJson,
});
