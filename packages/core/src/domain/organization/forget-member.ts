import { right } from 'fp-ts/lib/Either.js';
import { defineCommand, noFacts, type CommandOutcome, type CommandRequest } from '../../kernel/command.js';
import type { CommandContext } from '../../kernel/command-handler.js';
import type { InvalidInput } from '../../kernel/validate.js';
import { householdKeyId, memberKeyId } from '../../personal-data/keys.js';
import { organizationDecider } from './decider.js';
import type { OrganizationError } from './errors.js';
import { organizationStream, type OrganizationEvent } from './events.js';
import {
  ForgetHouseholdInput,
  ForgetMemberInput,
  type ForgetHouseholdInput as ForgetHouseholdRequestInput,
  type ForgetMemberInput as ForgetMemberRequestInput,
} from './inputs.js';
import { personalFieldRefused } from './personal-fields.js';

const recordErasure = defineCommand({
  name: 'ForgetMember',
  input: ForgetMemberInput,
  stream: (input) => organizationStream(input.organizationId),
  occurredOn: (input) => input.erasedOn,
  check: (input, context) => personalFieldRefused(`memberId ${input.memberId}`, context),
  facts: noFacts,
  decider: () => organizationDecider,
  command: (input) => ({ type: 'ForgetMember' as const, input }),
});

/**
 * 删除个人信息 (crypto-shredding, docs/personal-data.md): record that the
 * member's personal data is erased (`MemberPersonalDataErased`, which holds
 * none), then destroy the member's key, so that the sealed fields of every
 * copy of the ledger can no longer be opened. No event is rewritten: every
 * figure stays as it was and the chain still verifies. It needs
 * `context.personalData`. Sent again with the same command id, it destroys
 * the key again (a key destroyed already is no error), so an interrupted
 * erasure is finished by retrying it.
 */
export const forgetMember = async (
  context: CommandContext,
  request: CommandRequest<ForgetMemberRequestInput>,
): Promise<CommandOutcome<OrganizationEvent, OrganizationError | InvalidInput>> => {
  const outcome = await recordErasure(context, request);
  if (outcome._tag === 'Left' || context.personalData === undefined) return outcome;
  const erased = outcome.right.events.find((event) => event.type === 'MemberPersonalDataErased');
  if (erased !== undefined) await context.personalData.destroy(memberKeyId(erased.data.organizationId, erased.data.memberId));
  return right(outcome.right);
};

const recordHouseholdErasure = defineCommand({
  name: 'ForgetHousehold',
  input: ForgetHouseholdInput,
  stream: (input) => organizationStream(input.organizationId),
  occurredOn: (input) => input.erasedOn,
  check: (input, context) => personalFieldRefused(`householdId ${input.householdId}`, context),
  facts: noFacts,
  decider: () => organizationDecider,
  command: (input) => ({ type: 'ForgetHousehold' as const, input }),
});

/**
 * 删除个人信息 of a household (crypto-shredding, docs/personal-data.md):
 * record `HouseholdPersonalDataErased` (which holds no personal data), then
 * destroy the household's key, so that its sealed address can no longer be
 * opened in any copy of the ledger. The household, its head (户主) and its
 * members stay on the register as they were. Retried with the same command
 * id, it destroys the key again, as `forgetMember` does.
 */
export const forgetHousehold = async (
  context: CommandContext,
  request: CommandRequest<ForgetHouseholdRequestInput>,
): Promise<CommandOutcome<OrganizationEvent, OrganizationError | InvalidInput>> => {
  const outcome = await recordHouseholdErasure(context, request);
  if (outcome._tag === 'Left' || context.personalData === undefined) return outcome;
  const erased = outcome.right.events.find((event) => event.type === 'HouseholdPersonalDataErased');
  if (erased !== undefined) await context.personalData.destroy(householdKeyId(erased.data.organizationId, erased.data.householdId));
  return right(outcome.right);
};
