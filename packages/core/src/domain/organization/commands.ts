import type { OrganizationKind } from './events.js';
import type {
  AdmitMemberInputValue,
  MoveMemberInputValue,
  RecordMemberLeavingInputValue,
  RegisterHouseholdInputValue,
  RegisterOrganizationInputValue,
} from './inputs.js';

/** The command the decider sees: the input plus the parent's kind, read from the parent's stream. */
export interface RegisterOrganization {
  readonly type: 'RegisterOrganization';
  readonly input: RegisterOrganizationInputValue;
  /** `undefined` when the parent is not registered (or none was named). */
  readonly parentKind: OrganizationKind | undefined;
}

export interface RegisterHousehold {
  readonly type: 'RegisterHousehold';
  readonly input: RegisterHouseholdInputValue;
}
export interface AdmitMember {
  readonly type: 'AdmitMember';
  readonly input: AdmitMemberInputValue;
}
export interface RecordMemberLeaving {
  readonly type: 'RecordMemberLeaving';
  readonly input: RecordMemberLeavingInputValue;
}
export interface MoveMember {
  readonly type: 'MoveMember';
  readonly input: MoveMemberInputValue;
}

/** Commands about a village's households and members: decided on the village's own stream. */
export type MemberCommand = RegisterHousehold | AdmitMember | RecordMemberLeaving | MoveMember;

export type OrganizationCommand = RegisterOrganization | MemberCommand;
