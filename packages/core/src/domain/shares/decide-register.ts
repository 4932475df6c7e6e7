import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { Dec } from '../../money/decimal.js';
import { householdOn } from '../organization/member-register.js';
import type { ShareRegisterCommand, ShareRegisterInputs } from './commands.js';
import type { ShareError } from './errors.js';
import {
  shareCharterAdopted,
  sharesInherited,
  sharesQuantified,
  sharesTransferred,
  sharesWithdrawn,
  type ShareRegisterEvent,
} from './events.js';
import { classList, classOf, currentCharter, formerMemberBy, lastHousehold, memberOn, refuse } from './register-checks.js';
import { classSharesOf, type ShareRegisterState } from './share-register.js';

type Decided = Either<ShareError, readonly ShareRegisterEvent[]>;
type Members = ShareRegisterCommand['members'];

export const adoptCharter = (input: ShareRegisterInputs['AdoptCharter'], state: ShareRegisterState): Decided => {
  const ids: readonly string[] = input.classes.map((c) => c.classId);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) return refuse('SHARES_CHARTER_INVALID', `classes: ${repeated} is defined twice`);
  if (!input.classes.some((c) => c.heldBy === 'member')) return refuse('SHARES_CHARTER_INVALID', 'classes: a charter needs at least one class held by members');
  const held = new Set([...state.holdings.collective.keys(), ...[...state.holdings.members.values()].flatMap((h) => [...h.keys()])]);
  const dropped = [...held].filter((id) => !ids.includes(id)).sort();
  if (dropped.length > 0) return refuse('SHARES_CHARTER_INVALID', `classes: shares of ${dropped.join(', ')} are still held; a new charter must keep their classes`);
  return right([{ type: shareCharterAdopted.type, data: input }]);
};

const allotmentProblem = (input: ShareRegisterInputs['QuantifyShares'], state: ShareRegisterState, members: Members): Either<ShareError, true> => {
  const charter = currentCharter(state);
  if (isLeft(charter)) return charter;
  const seen = new Set<string>();
  for (const [i, a] of input.allotments.entries()) {
    const field = `allotments[${i}]`;
    const shareClass = classOf(charter.right, a.classId);
    if (shareClass === undefined) return refuse('SHARES_ALLOTMENT_INVALID', `${field}.classId: ${a.classId} is not a class of the charter (${classList(charter.right)})`);
    if (shareClass.heldBy === 'collective' && a.memberId !== undefined) {
      return refuse('SHARES_ALLOTMENT_INVALID', `${field}.memberId: ${a.classId} is held by the collective; give no memberId`);
    }
    if (shareClass.heldBy === 'member') {
      if (a.memberId === undefined) return refuse('SHARES_ALLOTMENT_INVALID', `${field}.memberId: ${a.classId} is held by members; name the member`);
      const member = memberOn(members, a.memberId, input.baseDate, `${field}.memberId`);
      if (isLeft(member)) return member;
    }
    const key = `${a.memberId ?? ''}\u0000${a.classId}`;
    if (seen.has(key)) return refuse('SHARES_ALLOTMENT_INVALID', `${field}: ${a.memberId ?? 'the collective'} already has an allotment of ${a.classId}`);
    seen.add(key);
  }
  return right(true);
};

export const quantifyShares = (input: ShareRegisterInputs['QuantifyShares'], state: ShareRegisterState, members: Members): Decided => {
  if (state.quantification !== undefined) {
    return refuse('SHARES_ALREADY_QUANTIFIED', `baseDate: the shares were quantified on ${state.quantification.baseDate}; later changes are transfers, inheritances and withdrawals`);
  }
  if (input.allotments.length === 0) return refuse('SHARES_ALLOTMENT_INVALID', 'allotments: a quantification allots at least one share');
  const problem = allotmentProblem(input, state, members);
  if (isLeft(problem)) return problem;
  return right([{ type: sharesQuantified.type, data: input }]);
};

const heldBy = (state: ShareRegisterState, memberId: string, field: string): Either<ShareError, ReadonlyMap<string, Dec>> => {
  const held = state.holdings.members.get(memberId);
  return held === undefined || held.size === 0 ? refuse('SHARES_INSUFFICIENT', `${field}: ${memberId} holds no shares`) : right(held);
};

export const transferShares = (input: ShareRegisterInputs['TransferShares'], state: ShareRegisterState, members: Members): Decided => {
  const charter = currentCharter(state);
  if (isLeft(charter)) return charter;
  if (!charter.right.transfersAllowed) return refuse('SHARES_TRANSFER_FORBIDDEN', `classId: the charter adopted on ${charter.right.adoptedOn} does not allow transfers between members`);
  if (input.fromMemberId === input.toMemberId) return refuse('SHARES_MEMBER_INVALID', 'toMemberId: a member cannot transfer shares to themselves');
  if (classOf(charter.right, input.classId)?.heldBy !== 'member') {
    return refuse('SHARES_ALLOTMENT_INVALID', `classId: ${input.classId} is not a class held by members (${classList(charter.right)})`);
  }
  for (const [memberId, field] of [[input.fromMemberId, 'fromMemberId'], [input.toMemberId, 'toMemberId']] as const) {
    const member = memberOn(members, memberId, input.transferredOn, field);
    if (isLeft(member)) return member;
  }
  const held = state.holdings.members.get(input.fromMemberId)?.get(input.classId) ?? new Dec(0);
  if (held.lt(input.shares)) {
    return refuse('SHARES_INSUFFICIENT', `shares: ${input.fromMemberId} holds ${held.toFixed()} ${input.classId} shares, fewer than ${input.shares.toFixed()}`);
  }
  return right([{ type: sharesTransferred.type, data: input }]);
};

export const inheritShares = (input: ShareRegisterInputs['InheritShares'], state: ShareRegisterState, members: Members): Decided => {
  const from = formerMemberBy(members, input.fromMemberId, input.inheritedOn, 'fromMemberId');
  if (isLeft(from)) return from;
  if (from.right.leaveReason !== 'death') {
    return refuse('SHARES_INHERITANCE_INVALID', `fromMemberId: ${input.fromMemberId} left by ${from.right.leaveReason ?? 'another reason'}, not death; shares are inherited only from a member who died`);
  }
  const to = memberOn(members, input.toMemberId, input.inheritedOn, 'toMemberId');
  if (isLeft(to)) return to;
  const household = lastHousehold(from.right);
  if (householdOn(to.right, input.inheritedOn) !== household) {
    return refuse('SHARES_INHERITANCE_INVALID', `toMemberId: ${input.toMemberId} is not in ${input.fromMemberId}'s household ${household ?? ''}; shares are inherited within the household`);
  }
  const held = heldBy(state, input.fromMemberId, 'fromMemberId');
  if (isLeft(held)) return held;
  return right([{ type: sharesInherited.type, data: { ...input, shares: classSharesOf(held.right) } }]);
};

export const withdrawShares = (input: ShareRegisterInputs['WithdrawShares'], state: ShareRegisterState, members: Members): Decided => {
  const charter = currentCharter(state);
  if (isLeft(charter)) return charter;
  const member = formerMemberBy(members, input.memberId, input.withdrawnOn, 'memberId');
  if (isLeft(member)) return member;
  const already = state.history.some((e) => e.type === 'SharesWithdrawn' && e.data.memberId === input.memberId);
  if (already) return refuse('SHARES_WITHDRAWAL_INVALID', `memberId: the shares of ${input.memberId} were already withdrawn`);
  const held = heldBy(state, input.memberId, 'memberId');
  if (isLeft(held)) return held;
  const data = { ...input, disposition: charter.right.onLeaving, shares: classSharesOf(held.right) };
  return right([{ type: sharesWithdrawn.type, data }]);
};
