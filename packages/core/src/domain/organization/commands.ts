import type { OrganizationKind } from './events.js';
import type { HouseholdRegisteredData, MemberJoinedData } from './member-events.js';
import type {
  ForgetHouseholdInputValue,
  ForgetMemberInputValue,
  MoveMemberInputValue,
  RecordMemberLeavingInputValue,
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
  readonly input: HouseholdRegisteredData;
}
/** The admission as decided: its fields as the event holds them (an idNumber plain or sealed). */
export interface AdmitMember {
  readonly type: 'AdmitMember';
  readonly input: MemberJoinedData;
  /**
   * The current member whose sealed idNumber opens to this one's, read with
   * the key store before deciding (the decider compares plain ones itself).
   */
  readonly idNumberHolder?: string;
}
export interface RecordMemberLeaving {
  readonly type: 'RecordMemberLeaving';
  readonly input: RecordMemberLeavingInputValue;
}
export interface MoveMember {
  readonly type: 'MoveMember';
  readonly input: MoveMemberInputValue;
}

export interface ForgetMember {
  readonly type: 'ForgetMember';
  readonly input: ForgetMemberInputValue;
}

export interface ForgetHousehold {
  readonly type: 'ForgetHousehold';
  readonly input: ForgetHouseholdInputValue;
}

/** Commands about a village's households and members: decided on the village's own stream. */
export type MemberCommand = RegisterHousehold | AdmitMember | RecordMemberLeaving | MoveMember | ForgetMember | ForgetHousehold;

export type OrganizationCommand = RegisterOrganization | MemberCommand;
