import { organizationDecider } from '../domain/organization/decider.js';
import type { OrganizationCommand } from '../domain/organization/commands.js';
import type { OrganizationEvent } from '../domain/organization/events.js';
import type { OrganizationState } from '../domain/organization/state.js';
import type { DomainEvent } from '../kernel/event.js';
import { asDecided, type BooksFacts } from './decided.js';
import { broken, type BookProblem } from './problem.js';

/** The command a recorded organization event answers. */
const commandOf = (event: OrganizationEvent, facts: BooksFacts): OrganizationCommand => {
  switch (event.type) {
    case 'OrganizationRegistered': {
      const { parentId } = event.data;
      return { type: 'RegisterOrganization', input: event.data, parentKind: parentId === undefined ? undefined : facts.kindOf(parentId) };
    }
    case 'HouseholdRegistered':
      return { type: 'RegisterHousehold', input: event.data };
    case 'MemberJoined':
      return { type: 'AdmitMember', input: event.data };
    case 'MemberLeft':
      return { type: 'RecordMemberLeaving', input: event.data };
    case 'MemberMovedHousehold': {
      const { organizationId, memberId, toHouseholdId, movedOn } = event.data;
      return { type: 'MoveMember', input: { organizationId, memberId, toHouseholdId, movedOn } };
    }
    case 'MemberPersonalDataErased':
      return { type: 'ForgetMember', input: event.data };
    case 'HouseholdPersonalDataErased':
      return { type: 'ForgetHousehold', input: event.data };
  }
};

const ORGANIZATION_TYPES: ReadonlySet<string> = new Set(['OrganizationRegistered', 'HouseholdRegistered', 'MemberJoined', 'MemberLeft', 'MemberMovedHousehold', 'MemberPersonalDataErased', 'HouseholdPersonalDataErased']);

/**
 * `organization-<id>`: each event must be what registering the organization,
 * a household or a member would decide on the stream as it stands (a parent of
 * the right kind, a member joining a household that exists, an id taken once).
 */
export const organizationRules = {
  initial: organizationDecider.initialState,
  evolve: (state: OrganizationState, event: DomainEvent): OrganizationState =>
    ORGANIZATION_TYPES.has(event.type) ? organizationDecider.evolve(state, event as OrganizationEvent) : state,
  check: (state: OrganizationState, event: DomainEvent, facts: BooksFacts): BookProblem[] => {
    if (!ORGANIZATION_TYPES.has(event.type)) return [broken('STREAM_EVENT_TYPE', `a ${event.type} does not belong on an organization stream`)];
    const recorded = event as OrganizationEvent;
    return asDecided({ decide: organizationDecider.decide, command: commandOf(recorded, facts), state, recorded }, facts);
  },
};
