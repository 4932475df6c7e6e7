import { membersProjection, organization } from '@collective-ledger/core';
import { UsageError } from '../errors.js';
import { renderCsv, renderJson, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage, type ReportOptions } from './report.js';
import { checkAsOfInYear, checkedScope, refusePeriodStart, refuseSince, refuseTierOptions } from './statement-options.js';

type State = ReturnType<ReturnType<typeof membersProjection>['init']>;
type JoinReason = organization.JoinReason;

const NAME = 'members';

const LABELS = {
  zh: {
    title: (village: string, date: string) => `成员名册  ${village}  截至 ${date}`,
    counts: (households: number, members: number) => `户数 ${households}，人数 ${members}`,
    columns: ['户编号', '户主', '成员编号', '姓名', '身份证号', '取得资格日期', '取得方式'],
    reasons: { founding: '初始认定', birth: '出生', marriage: '婚入', 'moving-in': '迁入', other: '其他' },
  },
  en: {
    title: (village: string, date: string) => `Member register  ${village}  as of ${date}`,
    counts: (households: number, members: number) => `households ${households}, members ${members}`,
    columns: ['household', 'head', 'member', 'name', 'id number', 'member since', 'joined by'],
    reasons: { founding: 'founding', birth: 'birth', marriage: 'marriage', 'moving-in': 'moving in', other: 'other' },
  },
} as const satisfies Record<ReportLanguage, { reasons: Record<JoinReason, string> } & Record<string, unknown>>;

/** The register's date: `--as-of`, or the last day of `--year`. */
const dateOf = (options: ReportOptions): string => {
  if (options.asOf !== undefined) return options.asOf;
  if (options.year !== undefined) return `${options.year}-12-31`;
  throw new UsageError(`${NAME} needs --as-of or --year: the register as of a date, e.g. --as-of 2023-12-31`);
};

const villageOf = (options: ReportOptions): string => {
  if (options.village === undefined) throw new UsageError(`${NAME} needs --village: a member register belongs to one village`);
  return options.village;
};

const rollOf = (state: State, options: ReportOptions) => {
  checkedScope(state.tree, options);
  const village = villageOf(options);
  const date = dateOf(options);
  return {
    village,
    name: state.tree.get(village)?.name ?? village,
    date,
    households: organization.householdsOf(state.register, village, date),
    counts: organization.countsOn(state.register, village, date),
  };
};

const tableOf = (roll: ReturnType<typeof rollOf>, lang: ReportLanguage): Table => ({
  columns: LABELS[lang].columns,
  rows: roll.households.flatMap((household) =>
    household.members.map((m) => [household.householdId, household.head, m.memberId, m.name, m.idNumber ?? '', m.joinedOn, LABELS[lang].reasons[m.joinReason]]),
  ),
});

const table = (state: State, options: ReportOptions): string => {
  const roll = rollOf(state, options);
  const labels = LABELS[options.lang];
  return `${labels.title(roll.name, roll.date)}\n${labels.counts(roll.counts.households, roll.counts.members)}\n\n${renderTable(tableOf(roll, options.lang))}`;
};

/** JSON keys in this order: report, lang, village, asOf, counts{households, members}, households[{householdId, head, address, registeredOn, members[...]}]. */
const json = (state: State, options: ReportOptions): string => {
  const roll = rollOf(state, options);
  return renderJson({
    report: NAME,
    lang: options.lang,
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
};

/**
 * `members`: 成员名册 of one village as of a date: its households and, in each,
 * the people who are members on that date (joined on or before it, not left by
 * it), with the counts 户数 (households with a member) and 人数.
 */
export const membersReport = defineReport<State>({
  name: NAME,
  description: 'member register (成员名册) of --village as of --as-of or the end of --year',
  checkOptions: (options) => {
    refuseTierOptions(NAME, options);
    refusePeriodStart(NAME, options, 'is the register on one date: give --as-of');
    refuseSince(NAME, options);
    if (options.township !== undefined) throw new UsageError(`--township: a member register belongs to one village; use --village`);
    checkAsOfInYear(options);
    villageOf(options);
    dateOf(options);
  },
  replayAsOf: (options) => dateOf(options),
  projection: () => membersProjection(),
  render: {
    table,
    csv: (state, options) => renderCsv(tableOf(rollOf(state, options), options.lang)),
    json,
  },
});
