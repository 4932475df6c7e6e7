import type { Id } from '../../codecs/primitives.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
import type { OrganizationEvent, OrganizationRegisteredData } from './events.js';
import type { MemberEvent } from './member-events.js';
import type { PersonalText } from '../../personal-data/sealed-field.js';

/** A household (农户) as the decider needs it: that it exists, and its head (户主) for messages. */
export interface HouseholdState {
  readonly head: string;
  /** When the household's personal data was erased, if it was. */
  readonly erasedOn?: string;
}

/** What the decider needs to know of a member to refuse impossible changes. */
export interface MemberState {
  readonly name: string;
  /** As recorded: plain, or sealed with the member's key. */
  readonly idNumber: PersonalText | undefined;
  /** The household the member belongs to now. */
  readonly householdId: Id;
  readonly joinedOn: string;
  /** The date of the last change of household, if any: later changes may not be dated before it. */
  readonly movedOn: string | undefined;
  readonly leftOn: string | undefined;
  /** When the member's personal data was erased, if it was. */
  readonly erasedOn: string | undefined;
}

export interface RegisteredOrganization {
  readonly status: 'registered';
  readonly organization: OrganizationRegisteredData;
  /** Households by id; only a village has any. */
  readonly households: PersistentMap<string, HouseholdState>;
  /** Members by id, including those who left (an id is never reused). */
  readonly members: PersistentMap<string, MemberState>;
  /**
   * Plain 身份证号 of members who have not left, to the member id: one person
   * is one member. Sealed ones are compared by the command, which holds the keys.
   */
  readonly idNumbers: PersistentMap<string, string>;
}

export type OrganizationState = { readonly status: 'unregistered' } | RegisteredOrganization;

export const initialOrganization = (): OrganizationState => ({ status: 'unregistered' });

/** The map without the member's plain idNumber: it no longer stands for a current member. */
const withoutIdNumberOf = (idNumbers: PersistentMap<string, string>, member: MemberState): PersistentMap<string, string> =>
  typeof member.idNumber === 'string' ? idNumbers.delete(member.idNumber) : idNumbers;

const applyMemberEvent = (state: RegisteredOrganization, event: MemberEvent): RegisteredOrganization => {
  switch (event.type) {
    case 'HouseholdRegistered':
      return { ...state, households: state.households.set(event.data.householdId, { head: event.data.head }) };
    case 'MemberJoined': {
      const { memberId, name, idNumber, householdId, joinedOn } = event.data;
      const members = state.members.set(memberId, { name, idNumber, householdId, joinedOn, movedOn: undefined, leftOn: undefined, erasedOn: undefined });
      return { ...state, members, idNumbers: typeof idNumber === 'string' ? state.idNumbers.set(idNumber, memberId) : state.idNumbers };
    }
    case 'MemberLeft': {
      const member = state.members.get(event.data.memberId);
      if (member === undefined) return state;
      const members = state.members.set(event.data.memberId, { ...member, leftOn: event.data.leftOn });
      return { ...state, members, idNumbers: withoutIdNumberOf(state.idNumbers, member) };
    }
    case 'MemberPersonalDataErased': {
      const member = state.members.get(event.data.memberId);
      if (member === undefined) return state;
      const members = state.members.set(event.data.memberId, { ...member, erasedOn: event.data.erasedOn });
      return { ...state, members, idNumbers: withoutIdNumberOf(state.idNumbers, member) };
    }
    case 'HouseholdPersonalDataErased': {
      const household = state.households.get(event.data.householdId);
      if (household === undefined) return state;
      return { ...state, households: state.households.set(event.data.householdId, { ...household, erasedOn: event.data.erasedOn }) };
    }
    case 'MemberMovedHousehold': {
      const member = state.members.get(event.data.memberId);
      if (member === undefined) return state;
      return { ...state, members: state.members.set(event.data.memberId, { ...member, householdId: event.data.toHouseholdId, movedOn: event.data.movedOn }) };
    }
  }
};

/**
 * Fold one event into an organization's state: a new state, its maps
 * sharing all but the changed entries with the old one's (persistent maps:
 * a village of thousands of members still loads in linear time).
 */
export const evolveOrganization = (state: OrganizationState, event: OrganizationEvent): OrganizationState => {
  if (event.type === 'OrganizationRegistered') {
    return { status: 'registered', organization: event.data, households: PersistentMap.empty(), members: PersistentMap.empty(), idNumbers: PersistentMap.empty() };
  }
  // The decider refuses member events before a registration, so a stream never holds one.
  if (state.status === 'unregistered') return state;
  return applyMemberEvent(state, event);
};
