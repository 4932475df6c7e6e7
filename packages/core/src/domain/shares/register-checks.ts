import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { householdOn, isMemberOn, type MemberRecord, type VillageRegister } from '../organization/member-register.js';
import type { ShareCharterAdoptedData, ShareClass } from './charter-events.js';
import { shareError, type ShareError } from './errors.js';
import type { ShareRegisterState } from './share-register.js';

export const refuse = (code: ShareError['code'], message: string): Either<ShareError, never> => left(shareError(code, message));

/** A member of the village on `date`, for the field `field`. */
export const memberOn = (members: VillageRegister | undefined, memberId: string, date: string, field: string): Either<ShareError, MemberRecord> => {
  const member = members?.members.get(memberId);
  if (member === undefined) return refuse('SHARES_MEMBER_INVALID', `${field}: ${memberId} is not on the village's member register`);
  if (!isMemberOn(member, date)) {
    const why = member.joinedOn > date ? `joins on ${member.joinedOn}` : `left on ${member.leftOn ?? ''}`;
    return refuse('SHARES_MEMBER_INVALID', `${field}: ${memberId} (${member.name}) is not a member on ${date}: ${why}`);
  }
  return right(member);
};

/** A recorded person who has left the collective by `date`. */
export const formerMemberBy = (members: VillageRegister | undefined, memberId: string, date: string, field: string): Either<ShareError, MemberRecord> => {
  const member = members?.members.get(memberId);
  if (member === undefined) return refuse('SHARES_MEMBER_INVALID', `${field}: ${memberId} is not on the village's member register`);
  if (member.leftOn === undefined || member.leftOn > date) {
    return refuse('SHARES_MEMBER_INVALID', `${field}: ${memberId} (${member.name}) is still a member on ${date}; record the leaving first`);
  }
  return right(member);
};

/** The household a member was last in (for a member who left: the one they left from). */
export const lastHousehold = (member: MemberRecord): string | undefined => member.homes.at(-1)?.householdId;

/** A holder's household on a date: the one they belong to then, or, for a former member who kept shares, the last one. */
export const holderHousehold = (member: MemberRecord, date: string): string | undefined => householdOn(member, date) ?? lastHousehold(member);

/** The charter in force (the latest), or a refusal naming what to do first. */
export const currentCharter = (state: ShareRegisterState): Either<ShareError, ShareCharterAdoptedData> => {
  const charter = state.charters.at(-1);
  return charter === undefined ? refuse('SHARES_NO_CHARTER', 'organizationId: the village has adopted no share charter; adopt one first') : right(charter);
};

export const classOf = (charter: ShareCharterAdoptedData, classId: string): ShareClass | undefined => charter.classes.find((c) => c.classId === classId);

export const classList = (charter: ShareCharterAdoptedData): string => charter.classes.map((c) => c.classId).join(', ');

/** Business dates on the register only move forward. */
export const inOrder = (state: ShareRegisterState, date: string, field: string): Either<ShareError, true> =>
  state.lastDate !== undefined && date < state.lastDate
    ? refuse('SHARES_DATE_OUT_OF_ORDER', `${field}: ${date} is before the register's latest entry on ${state.lastDate}; the register is kept in date order`)
    : right(true);
