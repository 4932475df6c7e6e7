import { isLeft, left, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext, CommandEnvelope, CommandResult } from '../../kernel/command-handler.js';
import { handleCommand } from '../../kernel/command-handler.js';
import { foldState } from '../../kernel/decider.js';
import type { DomainEvent } from '../../kernel/event.js';
import { decodeRecordedEvent } from '../../kernel/decode.js';
import type { InvalidInput } from '../../kernel/validate.js';
import { validateInput } from '../../kernel/validate.js';
import { RegisterOrganizationInput } from './commands.js';
import { organizationDecider, type OrganizationError, type OrganizationState } from './decider.js';
import { organizationStream, type OrganizationEvent } from './events.js';

/** Read one organization's state from its stream. */
export const loadOrganization = async (
  context: CommandContext<DomainEvent>,
  organizationId: string,
): Promise<OrganizationState> => {
  const events: OrganizationEvent[] = [];
  for await (const recorded of context.store.readStream(organizationStream(organizationId))) {
    events.push(decodeRecordedEvent(context.catalog, recorded).event as OrganizationEvent);
  }
  return foldState(organizationDecider, events);
};

/**
 * Register a district, township or village (登记集体经济组织). The input is
 * validated first; the parent's kind is read from its own stream, which cannot
 * change once registered.
 */
export const registerOrganization = async (
  context: CommandContext<DomainEvent>,
  request: Omit<CommandEnvelope<unknown>, 'command'> & { readonly input: unknown },
): Promise<Either<OrganizationError | InvalidInput, CommandResult<OrganizationEvent>>> => {
  const input = validateInput(RegisterOrganizationInput, request.input);
  if (isLeft(input)) return left(input.left);
  const parentId = input.right.parentId;
  const parent = parentId === undefined ? undefined : await loadOrganization(context, parentId);
  const parentKind = parent?.status === 'registered' ? parent.organization.kind : undefined;
  const { input: _raw, ...envelope } = request;
  return handleCommand(
    context as CommandContext<OrganizationEvent>,
    organizationDecider,
    organizationStream(input.right.organizationId),
    { ...envelope, command: { type: 'RegisterOrganization', input: input.right, parentKind } },
  );
};
