import { defineCommand, noFacts } from '../../kernel/command.js';
import { AdmitMemberInput, MoveMemberInput, RecordMemberLeavingInput, RegisterHouseholdInput } from './inputs.js';
import { organizationDecider } from './decider.js';
import { organizationStream } from './events.js';

const onVillage = { stream: (input: { readonly organizationId: string }) => organizationStream(input.organizationId), facts: noFacts, decider: () => organizationDecider };

/** 登记农户: register a household in a village, dated by the request's `occurredOn`. */
export const registerHousehold = defineCommand({
  ...onVillage,
  name: 'RegisterHousehold',
  input: RegisterHouseholdInput,
  occurredOn: 'request',
  command: (input) => ({ type: 'RegisterHousehold' as const, input }),
});

/** 成员资格认定: admit a member into a registered household; the business date is `joinedOn`. */
export const admitMember = defineCommand({
  ...onVillage,
  name: 'AdmitMember',
  input: AdmitMemberInput,
  occurredOn: (input) => input.joinedOn,
  command: (input) => ({ type: 'AdmitMember' as const, input }),
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
