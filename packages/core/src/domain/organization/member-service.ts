import { defineCommand, noFacts } from '../../kernel/command.js';
import { AdmitMemberInput, MoveMemberInput, RecordMemberLeavingInput, RegisterHouseholdInput } from './inputs.js';
import type { CommandContext } from '../../kernel/command-handler.js';
import type { AdmitMember } from './commands.js';
import type { OrganizationState } from './state.js';
import { organizationDecider } from './decider.js';
import { organizationStream, type OrganizationEvent } from './events.js';
import { idNumberHolderOf, PERSONAL_FIELD_GIVEN, personalFieldRefused, sealPersonalFields } from './personal-fields.js';

const onVillage = { stream: (input: { readonly organizationId: string }) => organizationStream(input.organizationId), facts: noFacts, decider: () => organizationDecider };

/** A field left out of the fingerprint: only that it was given. */
const given = (value: string | undefined): string | undefined => (value === undefined ? undefined : PERSONAL_FIELD_GIVEN);

/**
 * 登记农户: register a household in a village, dated by the request's
 * `occurredOn`. An `address` is sealed with the household's key: it needs
 * `context.personalData` (docs/personal-data.md).
 */
export const registerHousehold = defineCommand({
  ...onVillage,
  name: 'RegisterHousehold',
  input: RegisterHouseholdInput,
  occurredOn: 'request',
  check: (input, context) => (input.address === undefined ? undefined : personalFieldRefused('address', context)),
  fingerprint: (input) => ({ ...RegisterHouseholdInput.encode(input), address: given(input.address) }),
  seal: (events: readonly OrganizationEvent[], context) => sealPersonalFields(events, context),
  command: (input) => ({ type: 'RegisterHousehold' as const, input }),
});

/**
 * 成员资格认定: admit a member into a registered household; the business date
 * is `joinedOn`. An `idNumber` and a `phone` are sealed with the member's key: they need
 * `context.personalData`, and is compared with the current members' numbers
 * opened with it (one person is one member).
 */
export const admitMember = defineCommand({
  ...onVillage,
  name: 'AdmitMember',
  input: AdmitMemberInput,
  occurredOn: (input) => input.joinedOn,
  check: (input, context) =>
    input.idNumber !== undefined ? personalFieldRefused('idNumber', context) : input.phone !== undefined ? personalFieldRefused('phone', context) : undefined,
  complete: async (command: AdmitMember, state: OrganizationState, context: CommandContext): Promise<AdmitMember> => {
    const idNumberHolder = await idNumberHolderOf(command.input, state, context.personalData);
    return idNumberHolder === undefined ? command : { ...command, idNumberHolder };
  },
  fingerprint: (input) => ({ ...AdmitMemberInput.encode(input), idNumber: given(input.idNumber), phone: given(input.phone) }),
  seal: (events: readonly OrganizationEvent[], context) => sealPersonalFields(events, context),
  command: (input): AdmitMember => ({ type: 'AdmitMember', input }),
});

/** 成员资格丧失: record that a member left (death, marriage out, moving away); the business date is `leftOn`. */
export const recordMemberLeaving = defineCommand({
  ...onVillage,
  name: 'RecordMemberLeaving',
  input: RecordMemberLeavingInput,
  occurredOn: (input) => input.leftOn,
  command: (input) => ({ type: 'RecordMemberLeaving' as const, input }),
});

/** 分户 or another change of household; the business date is `movedOn`. */
export const moveMember = defineCommand({
  ...onVillage,
  name: 'MoveMember',
  input: MoveMemberInput,
  occurredOn: (input) => input.movedOn,
  command: (input) => ({ type: 'MoveMember' as const, input }),
});
