import { countsOn, householdsOf, type HouseholdOn, type MemberOn, type MemberRegister, type RegisterCounts } from '../../domain/organization/member-register.js';
import { ERASED, type Opener, type Revealed } from '../../personal-data/reveal.js';
import type { PersonalText } from '../../personal-data/sealed-field.js';
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

/** A member on the roll: the personal fields as they may be shown (text, erased or sealed). */
export interface MemberOnRoll extends Omit<MemberOn, 'idNumber' | 'phone' | 'erasedOn'> {
  readonly idNumber: Revealed | undefined;
  readonly phone: Revealed | undefined;
}

/** A household on the roll, its address as it may be shown. */
export interface HouseholdOnRoll extends Omit<HouseholdOn, 'address' | 'members' | 'erasedOn'> {
  readonly address: Revealed | undefined;
  readonly members: readonly MemberOnRoll[];
}

/** 成员名册 of one village on one date. */
export interface MemberRoll {
  readonly village: string;
  readonly name: string;
  readonly date: string;
  readonly households: readonly HouseholdOnRoll[];
  readonly counts: RegisterCounts;
}

/** Every personal field of the village's register, as recorded. */
function* personalFieldsOf(register: MemberRegister, village: string): Iterable<PersonalText | undefined> {
  const found = register.get(village);
  for (const household of found?.households.values() ?? []) yield household.address;
  for (const member of found?.members.values() ?? []) {
    yield member.idNumber;
    yield member.phone;
  }
}

/** A member's fields shown: erased once their personal data was erased, whether or not a key store was given. */
const shownMember = ({ erasedOn, idNumber, phone, ...member }: MemberOn, open: Opener): MemberOnRoll => {
  const shown = (value: PersonalText | undefined, field: string): Revealed | undefined =>
    value === undefined ? undefined : erasedOn === undefined ? open(value, `${field} of member ${member.memberId}`) : ERASED;
  return { ...member, idNumber: shown(idNumber, 'idNumber'), phone: shown(phone, 'phone') };
};

/** A household's address: erased once its personal data was erased, whether or not a key store was given. */
const shownHousehold = ({ erasedOn, ...household }: HouseholdOn, open: Opener): HouseholdOnRoll => ({
  ...household,
  address: household.address === undefined ? undefined : erasedOn === undefined ? open(household.address, `address of household ${household.householdId}`) : ERASED,
  members: household.members.map((member) => shownMember(member, open)),
});

const villageOf = (options: MembersReportOptions): string => {
  if (options.village === undefined) throw new ReportOptionError(`${NAME} needs --village: a member register belongs to one village`);
  return options.village;
};

/**
 * JSON keys in this order: report, lang, village, asOf, counts{households, members}, households[{householdId, head, address, registeredOn,
 * members[{memberId, name, idNumber, phone, joinedOn, joinReason}]}].
 * A personal field is its text, `null` when none was recorded, or `{ "withheld": "erased" }` / `{ "withheld": "sealed" }`.
 */
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
    members: h.members.map((m) => ({ memberId: m.memberId, name: m.name, idNumber: m.idNumber ?? null, phone: m.phone ?? null, joinedOn: m.joinedOn, joinReason: m.joinReason })),
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
  personalFields: (state, options) => personalFieldsOf(state.register, villageOf(options)),
  result: (state, options, open): MemberRoll => {
    checkedScope(state.tree, options);
    const village = villageOf(options);
    const date = registerDate(NAME, options);
    return {
      village,
      name: state.tree.get(village)?.name ?? village,
      date,
      households: householdsOf(state.register, village, date).map((household) => shownHousehold(household, open)),
      counts: countsOn(state.register, village, date),
    };
  },
  toJson,
});
