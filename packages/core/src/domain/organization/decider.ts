import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Decider, DomainError } from '../../kernel/decider.js';
import type { OrganizationCommand, RegisterOrganization } from './commands.js';
import type { OrganizationEvent, OrganizationKind, OrganizationRegisteredData } from './events.js';

export type OrganizationState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'registered'; readonly organization: OrganizationRegisteredData };

export interface OrganizationError extends DomainError {
  readonly code:
    | 'ORGANIZATION_ALREADY_REGISTERED'
    | 'ORGANIZATION_PARENT_REQUIRED'
    | 'ORGANIZATION_PARENT_NOT_ALLOWED'
    | 'ORGANIZATION_PARENT_UNKNOWN'
    | 'ORGANIZATION_PARENT_WRONG_KIND';
}

/** Which kinds may contain which: a village sits in a township (or directly in a district). */
const allowedParents: Record<OrganizationKind, readonly OrganizationKind[]> = {
  district: [],
  township: ['district'],
  village: ['township', 'district'],
};

const fail = (code: OrganizationError['code'], message: string): Either<OrganizationError, never> =>
  left({ code, message });

const checkParent = (command: RegisterOrganization): Either<OrganizationError, true> => {
  const { kind, parentId, organizationId } = command.input;
  const allowed = allowedParents[kind];
  if (allowed.length === 0) {
    return parentId === undefined
      ? right(true)
      : fail('ORGANIZATION_PARENT_NOT_ALLOWED', `parentId: a ${kind} has no parent, got ${parentId}`);
  }
  if (parentId === undefined) {
    return fail('ORGANIZATION_PARENT_REQUIRED', `parentId: a ${kind} needs a parent (${allowed.join(' or ')})`);
  }
  if (command.parentKind === undefined) {
    return fail('ORGANIZATION_PARENT_UNKNOWN', `parentId: organization ${parentId} is not registered`);
  }
  if (!allowed.includes(command.parentKind)) {
    return fail(
      'ORGANIZATION_PARENT_WRONG_KIND',
      `parentId: ${organizationId} is a ${kind} and cannot sit in ${parentId}, a ${command.parentKind}`,
    );
  }
  return right(true);
};

const decide = (
  command: OrganizationCommand,
  state: OrganizationState,
): Either<OrganizationError, readonly OrganizationEvent[]> => {
  if (state.status === 'registered') {
    return fail(
      'ORGANIZATION_ALREADY_REGISTERED',
      `organizationId: ${command.input.organizationId} is already registered as ${state.organization.name}`,
    );
  }
  const parent = checkParent(command);
  if (parent._tag === 'Left') return parent;
  return right([{ type: 'OrganizationRegistered', data: command.input }]);
};

/** Registration is the organization stream's only event so far; members and households join it later. */
const evolve = (_state: OrganizationState, event: OrganizationEvent): OrganizationState => ({
  status: 'registered',
  organization: event.data,
});

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState, OrganizationError> = {
  decide,
  evolve,
  initialState: () => ({ status: 'unregistered' }),
};
