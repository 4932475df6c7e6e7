import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Decider } from '../../kernel/decider.js';
import type { OrganizationCommand, RegisterOrganization } from './commands.js';
import { organizationError, type OrganizationError } from './errors.js';
import type { OrganizationEvent, OrganizationKind } from './events.js';
import { decideMemberCommand } from './member-decider.js';
import { evolveOrganization, initialOrganization, type OrganizationState } from './state.js';

export type { OrganizationError } from './errors.js';
export type { OrganizationState } from './state.js';

/** Which kinds may contain which: a village sits in a township (or directly in a district). */
const allowedParents: Record<OrganizationKind, readonly OrganizationKind[]> = {
  district: [],
  township: ['district'],
  village: ['township', 'district'],
};

const fail = (code: OrganizationError['code'], message: string): Either<OrganizationError, never> =>
  left(organizationError(code, message));

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

const registerOrganization = (
  command: RegisterOrganization,
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

const decide = (
  command: OrganizationCommand,
  state: OrganizationState,
): Either<OrganizationError, readonly OrganizationEvent[]> =>
  command.type === 'RegisterOrganization' ? registerOrganization(command, state) : decideMemberCommand(command, state);

/**
 * One organization's stream: its registration (登记) and, for a village, its
 * households (农户) and members (成员), decided together so that a member id
 * is taken once and a member always joins a household that exists.
 */
export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState, OrganizationError> = {
  decide,
  evolve: evolveOrganization,
  initialState: initialOrganization,
};
