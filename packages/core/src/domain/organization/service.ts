import { defineCommand } from '../../kernel/command.js';
import type { FactReader } from '../../kernel/fact-reader.js';
import { RegisterOrganizationInput } from './inputs.js';
import { organizationDecider, type OrganizationState } from './decider.js';
import { organizationStream, type OrganizationEvent, type OrganizationKind, type OrganizationRegistered } from './events.js';

/** Read one organization's state from its stream. */
export const loadOrganization = async (reader: FactReader, organizationId: string): Promise<OrganizationState> =>
  reader.fold(organizationStream(organizationId), organizationDecider.initialState(), (state, event) =>
    organizationDecider.evolve(state, event as OrganizationEvent),
  );

/** The organization's kind, `undefined` when it is not registered. */
export const kindOf = (state: OrganizationState) => (state.status === 'registered' ? state.organization.kind : undefined);

/**
 * An organization's kind, `undefined` when it is not registered, read from the
 * first event of its stream (its registration, which never changes): one
 * event, however many households and members a village records after it.
 */
export const organizationKindOf = async (reader: FactReader, organizationId: string): Promise<OrganizationKind | undefined> => {
  const first = await reader.first(organizationStream(organizationId));
  return first?.event.type === 'OrganizationRegistered' ? (first.event as OrganizationRegistered).data.kind : undefined;
};

/**
 * Register a district, township or village (登记集体经济组织), dated by the
 * request's `occurredOn`. The parent's kind is read from its own stream,
 * which cannot change once registered.
 */
export const registerOrganization = defineCommand({
  name: 'RegisterOrganization',
  input: RegisterOrganizationInput,
  stream: (input) => organizationStream(input.organizationId),
  occurredOn: 'request',
  facts: async (input, reader) => (input.parentId === undefined ? undefined : organizationKindOf(reader, input.parentId)),
  decider: () => organizationDecider,
  command: (input, parentKind) => ({ type: 'RegisterOrganization' as const, input, parentKind }),
});

