import * as t from 'io-ts';
import { struct } from '../../codecs/struct.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { OrganizationKind } from './events.js';
import { HouseholdPersonalDataErasedData, memberJoiningFields, MemberLeftData, MemberPersonalDataErasedData } from './member-events.js';

/*
 * The inputs of the organization commands. Each `XInput` is a codec and, as a
 * type, what a caller sends: plain JSON, ids and dates as strings.
 * `XInputValue` is what the codec decodes it to.
 */

/** 登记集体经济组织: a district, township or village, under its parent. */
export const RegisterOrganizationInput = struct(
  'an organization to register',
  { organizationId: Id, kind: OrganizationKind, code: NonEmptyString, name: NonEmptyString },
  { parentId: Id },
);

/**
 * 登记农户: the event's data, the address as plain text (the command seals
 * it); the registration date is the request's `occurredOn`.
 */
export const RegisterHouseholdInput = struct(
  'a household',
  { organizationId: Id, householdId: Id, head: NonEmptyString },
  { address: NonEmptyString },
);

/**
 * 成员资格认定: admit a member into a household of the village, from
 * `joinedOn`; `idNumber` and `phone` as plain text (the command seals them).
 */
export const AdmitMemberInput = struct('a member joining', memberJoiningFields, { idNumber: NonEmptyString, phone: NonEmptyString, note: t.string });

/** 删除个人信息: erase a member's personal fields from `erasedOn`, on the ground `reason`. */
export const ForgetMemberInput = MemberPersonalDataErasedData;

/** 删除个人信息 of a household: erase its address from `erasedOn`, on the ground `reason`. */
export const ForgetHouseholdInput = HouseholdPersonalDataErasedData;

/** 成员资格丧失: the member is no longer a member from `leftOn`. */
export const RecordMemberLeavingInput = MemberLeftData;

/**
 * 分户 or any change of household. The household the member leaves is not
 * asked for: the village's state knows it, and the event records it.
 */
export const MoveMemberInput = t.type({ organizationId: Id, memberId: Id, toHouseholdId: Id, movedOn: IsoDate });

export type RegisterOrganizationInput = t.OutputOf<typeof RegisterOrganizationInput>;
export type RegisterHouseholdInput = t.OutputOf<typeof RegisterHouseholdInput>;
export type AdmitMemberInput = t.OutputOf<typeof AdmitMemberInput>;
export type RecordMemberLeavingInput = t.OutputOf<typeof RecordMemberLeavingInput>;
export type MoveMemberInput = t.OutputOf<typeof MoveMemberInput>;
export type ForgetMemberInput = t.OutputOf<typeof ForgetMemberInput>;
export type ForgetHouseholdInput = t.OutputOf<typeof ForgetHouseholdInput>;

export type RegisterOrganizationInputValue = t.TypeOf<typeof RegisterOrganizationInput>;
export type RegisterHouseholdInputValue = t.TypeOf<typeof RegisterHouseholdInput>;
export type AdmitMemberInputValue = t.TypeOf<typeof AdmitMemberInput>;
export type RecordMemberLeavingInputValue = t.TypeOf<typeof RecordMemberLeavingInput>;
export type MoveMemberInputValue = t.TypeOf<typeof MoveMemberInput>;
export type ForgetMemberInputValue = t.TypeOf<typeof ForgetMemberInput>;
export type ForgetHouseholdInputValue = t.TypeOf<typeof ForgetHouseholdInput>;
