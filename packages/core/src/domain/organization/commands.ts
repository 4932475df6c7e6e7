import * as t from 'io-ts';
import { struct } from '../../codecs/struct.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { OrganizationKind } from './events.js';
import { HouseholdRegisteredData, MemberJoinedData, MemberLeftData } from './member-events.js';

/** What a user asks for; validated at the boundary by this codec. */
export const RegisterOrganizationInput = struct(
  'an organization to register',
  { organizationId: Id, kind: OrganizationKind, code: NonEmptyString, name: NonEmptyString },
  { parentId: Id },
);
export type RegisterOrganizationInput = t.TypeOf<typeof RegisterOrganizationInput>;

/** The command the decider sees: the input plus the parent's kind, read from the parent's stream. */
export interface RegisterOrganization {
  readonly type: 'RegisterOrganization';
  readonly input: RegisterOrganizationInput;
  /** `undefined` when the parent is not registered (or none was named). */
  readonly parentKind: OrganizationKind | undefined;
}

/** 登记农户: the input is the event's data; the registration date is the request's `occurredOn`. */
export const RegisterHouseholdInput = HouseholdRegisteredData;
export type RegisterHouseholdInput = HouseholdRegisteredData;

/** 成员资格认定: admit a member into a household of the village, from `joinedOn`. */
export const AdmitMemberInput = MemberJoinedData;
export type AdmitMemberInput = MemberJoinedData;

/** 成员资格丧失: the member is no longer a member from `leftOn`. */
export const RecordMemberLeavingInput = MemberLeftData;
export type RecordMemberLeavingInput = MemberLeftData;

/**
 * 分户 or any change of household. The household the member leaves is not
 * asked for: the village's state knows it, and the event records it.
 */
export const MoveMemberInput = t.type({ organizationId: Id, memberId: Id, toHouseholdId: Id, movedOn: IsoDate });
export type MoveMemberInput = t.TypeOf<typeof MoveMemberInput>;

export interface RegisterHousehold {
  readonly type: 'RegisterHousehold';
  readonly input: RegisterHouseholdInput;
}
export interface AdmitMember {
  readonly type: 'AdmitMember';
  readonly input: AdmitMemberInput;
}
export interface RecordMemberLeaving {
  readonly type: 'RecordMemberLeaving';
  readonly input: RecordMemberLeavingInput;
}
export interface MoveMember {
  readonly type: 'MoveMember';
  readonly input: MoveMemberInput;
}

/** Commands about a village's households and members: decided on the village's own stream. */
export type MemberCommand = RegisterHousehold | AdmitMember | RecordMemberLeaving | MoveMember;

export type OrganizationCommand = RegisterOrganization | MemberCommand;
