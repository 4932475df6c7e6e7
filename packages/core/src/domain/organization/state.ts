import type { Id } from '../../codecs/primitives.js';
import type { OrganizationEvent, OrganizationRegisteredData } from './events.js';
import type { MemberEvent } from './member-events.js';

/** A household (农户) as the decider needs it: that it exists, and its head (户主) for messages. */
export interface HouseholdState {
  readonly head: string;
}

/** What the decider needs to know of a member to refuse impossible changes. */
export interface MemberState {
  readonly name: string;
  readonly idNumber: string | undefined;
  /** The household the member belongs to now. */
  readonly householdId: Id;
  readonly joinedOn: string;
  /** The date of the last change of household, if any: later changes may not be dated before it. */
  readonly movedOn: string | undefined;
  readonly leftOn: string | undefined;
}

export interface RegisteredOrganization {
  readonly status: 'registered';
  readonly organization: OrganizationRegisteredData;
  /** Households by id; only a village has any. */
  readonly households: ReadonlyMap<string, HouseholdState>;
  /** Members by id, including those who left (an id is never reused). */
  readonly members: ReadonlyMap<string, MemberState>;
  /** 身份证号 of members who have not left, to the member id: one person is one member. */
  readonly idNumbers: ReadonlyMap<string, string>;
}

export type OrganizationState = { readonly status: 'unregistered' } | RegisteredOrganization;

export const initialOrganization = (): OrganizationState => ({ status: 'unregistered' });

interface Registers {
  readonly households: Map<string, HouseholdState>;
  readonly members: Map<string, MemberState>;
  readonly idNumbers: Map<string, string>;
}

const applyMemberEvent = ({ households, members, idNumbers }: Registers, event: MemberEvent): void => {
  switch (event.type) {
    case 'HouseholdRegistered':
      households.set(event.data.householdId, { head: event.data.head });
      return;
    case 'MemberJoined': {
      const { memberId, name, idNumber, householdId, joinedOn } = event.data;
      members.set(memberId, { name, idNumber, householdId, joinedOn, movedOn: undefined, leftOn: undefined });
      if (idNumber !== undefined) idNumbers.set(idNumber, memberId);
      return;
    }
    case 'MemberLeft': {
      const member = members.get(event.data.memberId);
      if (member === undefined) return;
      members.set(event.data.memberId, { ...member, leftOn: event.data.leftOn });
      if (member.idNumber !== undefined) idNumbers.delete(member.idNumber);
      return;
    }
    case 'MemberMovedHousehold': {
      const member = members.get(event.data.memberId);
      if (member === undefined) return;
      members.set(event.data.memberId, { ...member, householdId: event.data.toHouseholdId, movedOn: event.data.movedOn });
      return;
    }
  }
};

/**
 * Fold one event into an organization's state. A village can hold thousands
 * of members, and states are only ever folded forward from
 * `initialOrganization()`, so the maps are updated in place: copying them per
 * event would make loading a village quadratic. Member records themselves are
 * replaced, never mutated.
 */
export const evolveOrganization = (state: OrganizationState, event: OrganizationEvent): OrganizationState => {
  if (event.type === 'OrganizationRegistered') {
    return { status: 'registered', organization: event.data, households: new Map(), members: new Map(), idNumbers: new Map() };
  }
  // The decider refuses member events before a registration, so a stream never holds one.
  if (state.status === 'unregistered') return state;
  applyMemberEvent(state as unknown as Registers, event);
  return state;
};
