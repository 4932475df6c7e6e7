import type * as t from 'io-ts';
import { isLeft, left, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext, CommandEnvelope, CommandResult } from '../../kernel/command-handler.js';
import { handleCommand } from '../../kernel/command-handler.js';
import type { DomainEvent } from '../../kernel/event.js';
import { validateInput, type InvalidInput } from '../../kernel/validate.js';
import {
  AdmitMemberInput,
  MoveMemberInput,
  RecordMemberLeavingInput,
  RegisterHouseholdInput,
  type MemberCommand,
} from './commands.js';
import { organizationDecider, type OrganizationError } from './decider.js';
import { organizationStream, type OrganizationEvent } from './events.js';

/** A request whose business date is stated by the caller (a household's registration). */
type DatedRequest = Omit<CommandEnvelope<unknown>, 'command'> & { readonly input: unknown };
/** A request whose business date is a date of the input itself (joinedOn, leftOn, movedOn). */
type Request = Omit<DatedRequest, 'occurredOn'>;
type Outcome = Either<OrganizationError | InvalidInput, CommandResult<OrganizationEvent>>;

/**
 * Validate the raw input with its codec before anything is read, then decide
 * on the village's own stream, dated by `occurredOnOf` the valid input.
 */
const onVillageStream = async <I extends { readonly organizationId: string }>(
  context: CommandContext<DomainEvent>,
  request: Request & { readonly occurredOn?: string },
  codec: t.Type<I, unknown>,
  toCommand: (input: I) => { readonly command: MemberCommand; readonly occurredOn: string },
): Promise<Outcome> => {
  const input = validateInput(codec, request.input);
  if (isLeft(input)) return left(input.left);
  const { input: _raw, ...envelope } = request;
  const { command, occurredOn } = toCommand(input.right);
  return handleCommand(context as CommandContext<OrganizationEvent>, organizationDecider, organizationStream(input.right.organizationId), {
    ...envelope,
    occurredOn,
    command,
  });
};

/** 登记农户: register a household in a village, dated by the request's `occurredOn`. */
export const registerHousehold = (context: CommandContext<DomainEvent>, request: DatedRequest): Promise<Outcome> =>
  onVillageStream(context, request, RegisterHouseholdInput, (input) => ({
    command: { type: 'RegisterHousehold', input },
    occurredOn: request.occurredOn,
  }));

/** 成员资格认定: admit a member into a registered household; the business date is `joinedOn`. */
export const admitMember = (context: CommandContext<DomainEvent>, request: Request): Promise<Outcome> =>
  onVillageStream(context, request, AdmitMemberInput, (input) => ({
    command: { type: 'AdmitMember', input },
    occurredOn: input.joinedOn,
  }));

/** 成员资格丧失: record that a member left (death, marriage out, moving away); the business date is `leftOn`. */
export const recordMemberLeaving = (context: CommandContext<DomainEvent>, request: Request): Promise<Outcome> =>
  onVillageStream(context, request, RecordMemberLeavingInput, (input) => ({
    command: { type: 'RecordMemberLeaving', input },
    occurredOn: input.leftOn,
  }));

/** 分户 or another change of household; the business date is `movedOn`. */
export const moveMember = (context: CommandContext<DomainEvent>, request: Request): Promise<Outcome> =>
  onVillageStream(context, request, MoveMemberInput, (input) => ({
    command: { type: 'MoveMember', input },
    occurredOn: input.movedOn,
  }));
