import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { AdmitMember, MemberCommand } from './commands.js';
import type { ForgetHouseholdInputValue, ForgetMemberInputValue, MoveMemberInputValue, RecordMemberLeavingInputValue } from './inputs.js';
import type { HouseholdRegisteredData } from './member-events.js';
import { organizationError, type OrganizationError } from './errors.js';
import type { MemberEvent } from './member-events.js';
import type { MemberState, OrganizationState, RegisteredOrganization } from './state.js';

type Decision = Either<OrganizationError, readonly MemberEvent[]>;
type Problem = OrganizationError | undefined;

/** Households and members exist only in a registered village: a township or district has none. */
const villageOf = (state: OrganizationState, organizationId: string): Either<OrganizationError, RegisteredOrganization> => {
  if (state.status === 'registered' && state.organization.kind === 'village') return right(state);
  const found = state.status === 'registered' ? `a ${state.organization.kind}` : 'not registered';
  return left(organizationError('NOT_A_VILLAGE', `organizationId: ${organizationId} is ${found}; households and members belong to a village`));
};

const unknownHousehold = (village: RegisteredOrganization, householdId: string, field: string): Problem =>
  village.households.has(householdId)
    ? undefined
    : organizationError('HOUSEHOLD_UNKNOWN', `${field}: household ${householdId} is not registered in ${village.organization.organizationId}`);

const householdProblem = (input: HouseholdRegisteredData, village: RegisteredOrganization): Problem => {
  const existing = village.households.get(input.householdId);
  if (existing === undefined) return undefined;
  return organizationError(
    'HOUSEHOLD_ALREADY_REGISTERED',
    `householdId: ${input.householdId} is already registered in ${input.organizationId} (户主 ${existing.head})`,
  );
};

/** A member id is never reused, even after the member left: a returning person is admitted under a new id. */
const admitProblem = ({ input, idNumberHolder }: AdmitMember, village: RegisteredOrganization): Problem => {
  const existing = village.members.get(input.memberId);
  if (existing !== undefined) {
    const since = existing.leftOn === undefined ? '' : ` and left on ${existing.leftOn}; a returning member needs a new memberId`;
    return organizationError(
      'MEMBER_ALREADY_JOINED',
      `memberId: ${input.memberId} (${existing.name}) joined ${input.organizationId} on ${existing.joinedOn}${since}`,
    );
  }
  const household = unknownHousehold(village, input.householdId, 'householdId');
  if (household !== undefined) return household;
  const plain = typeof input.idNumber === 'string' ? input.idNumber : undefined;
  const holder = plain === undefined ? undefined : village.idNumbers.get(plain);
  if (holder !== undefined) return organizationError('MEMBER_ID_NUMBER_TAKEN', `idNumber: ${plain ?? ''} is already member ${holder} of ${input.organizationId}`);
  if (idNumberHolder === undefined) return undefined;
  // The number is not repeated in the message: it is personal data, and messages end up in logs.
  return organizationError('MEMBER_ID_NUMBER_TAKEN', `idNumber: the number given is already member ${idNumberHolder}'s in ${input.organizationId}`);
};

/** The member, when known and still a member. */
const currentMember = (village: RegisteredOrganization, memberId: string): Either<OrganizationError, MemberState> => {
  const villageId = village.organization.organizationId;
  const member = village.members.get(memberId);
  if (member === undefined) return left(organizationError('MEMBER_UNKNOWN', `memberId: ${memberId} is not a member of ${villageId}`));
  if (member.leftOn !== undefined) {
    return left(organizationError('MEMBER_ALREADY_LEFT', `memberId: ${memberId} (${member.name}) left ${villageId} on ${member.leftOn}`));
  }
  return right(member);
};

/** Changes are dated in order: nothing may be dated before the member's last change of household. */
const beforeLastMove = (member: MemberState, field: string, date: string, memberId: string): Problem =>
  member.movedOn !== undefined && date < member.movedOn
    ? organizationError('MEMBER_CHANGE_BEFORE_LAST_MOVE', `${field}: ${date} is before ${memberId} moved household on ${member.movedOn}`)
    : undefined;

/** A member is a member on `joinedOn` and no longer on `leftOn`, so a membership must last at least a day. */
const leavingProblem = (input: RecordMemberLeavingInputValue, member: MemberState): Problem => {
  if (input.leftOn <= member.joinedOn) {
    return organizationError(
      'MEMBER_LEFT_BEFORE_JOINING',
      `leftOn: ${input.leftOn} is not after joinedOn ${member.joinedOn} of ${input.memberId}; a member is a member from joinedOn up to the day before leftOn`,
    );
  }
  return beforeLastMove(member, 'leftOn', input.leftOn, input.memberId);
};

const moveProblem = (input: MoveMemberInputValue, member: MemberState, village: RegisteredOrganization): Problem => {
  const household = unknownHousehold(village, input.toHouseholdId, 'toHouseholdId');
  if (household !== undefined) return household;
  if (member.householdId === input.toHouseholdId) {
    return organizationError('MEMBER_ALREADY_IN_HOUSEHOLD', `toHouseholdId: ${input.memberId} already belongs to household ${input.toHouseholdId}`);
  }
  if (input.movedOn < member.joinedOn) {
    return organizationError('MEMBER_MOVED_BEFORE_JOINING', `movedOn: ${input.movedOn} is before joinedOn ${member.joinedOn} of ${input.memberId}`);
  }
  return beforeLastMove(member, 'movedOn', input.movedOn, input.memberId);
};

const decision = (problem: Problem, event: MemberEvent): Decision => (problem === undefined ? right([event]) : left(problem));

const leaveOrMove = (command: MemberCommand & { type: 'RecordMemberLeaving' | 'MoveMember' }, village: RegisteredOrganization): Decision => {
  const member = currentMember(village, command.input.memberId);
  if (isLeft(member)) return member;
  if (command.type === 'RecordMemberLeaving') return decision(leavingProblem(command.input, member.right), { type: 'MemberLeft', data: command.input });
  const { organizationId, memberId, toHouseholdId, movedOn } = command.input;
  return decision(moveProblem(command.input, member.right, village), {
    type: 'MemberMovedHousehold',
    data: { organizationId, memberId, fromHouseholdId: member.right.householdId, toHouseholdId, movedOn },
  });
};

/** A member's personal data is erased once; a member who left may be forgotten too. */
const forget = (input: ForgetMemberInputValue, village: RegisteredOrganization): Decision => {
  const member = village.members.get(input.memberId);
  const villageId = village.organization.organizationId;
  if (member === undefined) return left(organizationError('MEMBER_UNKNOWN', `memberId: ${input.memberId} is not a member of ${villageId}`));
  if (member.erasedOn !== undefined) {
    return left(organizationError('MEMBER_ALREADY_ERASED', `memberId: the personal data of ${input.memberId} (${member.name}) was already erased on ${member.erasedOn}`));
  }
  return right([{ type: 'MemberPersonalDataErased', data: input }]);
};

/** A household's personal data is erased once. */
const forgetHousehold = (input: ForgetHouseholdInputValue, village: RegisteredOrganization): Decision => {
  const unknown = unknownHousehold(village, input.householdId, 'householdId');
  if (unknown !== undefined) return left(unknown);
  const household = village.households.get(input.householdId);
  if (household?.erasedOn !== undefined) {
    return left(
      organizationError('HOUSEHOLD_ALREADY_ERASED', `householdId: the personal data of household ${input.householdId} (户主 ${household.head}) was already erased on ${household.erasedOn}`),
    );
  }
  return right([{ type: 'HouseholdPersonalDataErased', data: input }]);
};

/** Decide a household or member command on the village's own stream. */
export const decideMemberCommand = (command: MemberCommand, state: OrganizationState): Decision => {
  const village = villageOf(state, command.input.organizationId);
  if (isLeft(village)) return village;
  switch (command.type) {
    case 'RegisterHousehold':
      return decision(householdProblem(command.input, village.right), { type: 'HouseholdRegistered', data: command.input });
    case 'AdmitMember':
      return decision(admitProblem(command, village.right), { type: 'MemberJoined', data: command.input });
    case 'ForgetMember':
      return forget(command.input, village.right);
    case 'ForgetHousehold':
      return forgetHousehold(command.input, village.right);
    case 'RecordMemberLeaving':
    case 'MoveMember':
      return leaveOrMove(command, village.right);
  }
};
