import { membersReport as membersDefinition, type MemberRoll, type organization, type Revealed } from '@collective-ledger/core';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport, type ReportLanguage } from './report.js';

type JoinReason = organization.JoinReason;

const LABELS = {
  zh: {
    title: (village: string, date: string) => `成员名册  ${village}  截至 ${date}`,
    counts: (households: number, members: number) => `户数 ${households}，人数 ${members}`,
    columns: ['户编号', '户主', '成员编号', '姓名', '身份证号', '联系电话', '取得资格日期', '取得方式'],
    reasons: { founding: '初始认定', birth: '出生', marriage: '婚入', 'moving-in': '迁入', other: '其他' },
    withheld: { erased: '已删除', sealed: '已加密' },
  },
  en: {
    title: (village: string, date: string) => `Member register  ${village}  as of ${date}`,
    counts: (households: number, members: number) => `households ${households}, members ${members}`,
    columns: ['household', 'head', 'member', 'name', 'id number', 'phone', 'member since', 'joined by'],
    reasons: { founding: 'founding', birth: 'birth', marriage: 'marriage', 'moving-in': 'moving in', other: 'other' },
    withheld: { erased: 'erased', sealed: 'sealed' },
  },
} as const satisfies Record<ReportLanguage, { reasons: Record<JoinReason, string> } & Record<string, unknown>>;

const PHONE_COLUMN = 5;

/** A personal field as text: itself, 已删除 once erased, 已加密 when no key store opened it. */
const personal = (value: Revealed | undefined, lang: ReportLanguage): string =>
  value === undefined ? '' : typeof value === 'string' ? value : LABELS[lang].withheld[value.withheld];

/** The phone column is shown when some member on the roll has a phone recorded. */
const tableOf = (roll: MemberRoll, lang: ReportLanguage): Table => {
  const members = roll.households.flatMap((household) => household.members.map((member) => ({ household, member })));
  const phones = members.some(({ member }) => member.phone !== undefined);
  const columns = LABELS[lang].columns.filter((_, i) => phones || i !== PHONE_COLUMN);
  return {
    columns,
    rows: members.map(({ household, member: m }) => {
      const row = [household.householdId, household.head, m.memberId, m.name, personal(m.idNumber, lang), personal(m.phone, lang), m.joinedOn, LABELS[lang].reasons[m.joinReason]];
      return phones ? row : row.filter((_, i) => i !== PHONE_COLUMN);
    }),
  };
};

const table = (roll: MemberRoll, lang: ReportLanguage): string => {
  const labels = LABELS[lang];
  return `${labels.title(roll.name, roll.date)}\n${labels.counts(roll.counts.households, roll.counts.members)}\n\n${renderTable(tableOf(roll, lang))}`;
};

/**
 * `members`: 成员名册 of one village as of a date: its households and, in each,
 * the people who are members on that date (joined on or before it, not left by
 * it), with the counts 户数 (households with a member) and 人数.
 */
export const membersReport = defineReport(membersDefinition, {
  table,
  csv: (roll, lang) => renderCsv(tableOf(roll, lang)),
});
