import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { defineCommand, type CommandOutcome } from '../../kernel/command.js';
import type { Decider } from '../../kernel/decider.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
import type { OrganizationKind } from '../organization/events.js';
import { householdOn, isMemberOn, type VillageRegister } from '../organization/member-register.js';
import { loadVillage } from '../shares/load.js';
import { landError, type LandError } from './errors.js';
import { householdIncomeStream, type WagesPaid } from './events.js';
import { RecordWagesInput } from './inputs.js';

/** 务工工资 as decided: the valid input and the village as read. */
export interface RecordWages {
  readonly type: 'RecordWages';
  readonly input: t.TypeOf<typeof RecordWagesInput>;
  readonly organizationKind: OrganizationKind | undefined;
  readonly members: VillageRegister | undefined;
}

/** The payment ids of a village's year of wages. */
export type WagesState = PersistentMap<string, string>;

/** A wage payment: to a member of the village, in the household named, on the day paid; each payment id once in the year. */
export const wagesProblem = (state: WagesState, { data: d }: WagesPaid, members: VillageRegister | undefined): LandError | undefined => {
  if (state.has(d.paymentId)) return landError('LAND_PAYMENT_EXISTS', `paymentId: ${d.paymentId} is already recorded`);
  const member = members?.members.get(d.memberId);
  if (member === undefined || !isMemberOn(member, d.paidOn)) return landError('LAND_MEMBER_UNKNOWN', `memberId: ${d.memberId} is not a member of the village on ${d.paidOn}`);
  const household = householdOn(member, d.paidOn);
  return household === d.householdId ? undefined : landError('LAND_HOUSEHOLD_UNKNOWN', `householdId: ${d.memberId} belongs to household ${household ?? 'none'} on ${d.paidOn}, not ${d.householdId}`);
};

const decide = (command: RecordWages, state: WagesState): Either<LandError, readonly WagesPaid[]> => {
  if (command.organizationKind !== 'village') {
    return left(landError('LAND_ORGANIZATION_NOT_VILLAGE', `organizationId: ${command.input.organizationId} is ${command.organizationKind === undefined ? 'not registered' : `a ${command.organizationKind}`}; households belong to a village`));
  }
  const event: WagesPaid = { type: 'WagesPaid', data: command.input };
  const problem = wagesProblem(state, event, command.members);
  return problem === undefined ? right([event]) : left(problem);
};

/** A village's wages of a year, on `household-income-<village>-<year>`: household income, apart from the collective's books. */
export const wagesDecider: Decider<RecordWages, WagesPaid, WagesState, LandError> = {
  decide,
  evolve: (state, event) => state.set(event.data.paymentId, event.data.paidOn),
  initialState: () => PersistentMap.empty(),
};

/** 务工工资: wages an employer (the operator) paid a member of a household; dated `paidOn`. */
export const recordWages = defineCommand({
  name: 'RecordWages',
  input: RecordWagesInput,
  stream: (input) => householdIncomeStream(input.organizationId, input.paidOn.slice(0, 4)),
  occurredOn: (input) => input.paidOn,
  facts: (input, reader) => loadVillage(reader, input.organizationId),
  decider: () => wagesDecider,
  command: (input, { organizationKind, members }): RecordWages => ({ type: 'RecordWages', input, organizationKind, members }),
});

export type WagesOutcome = CommandOutcome<WagesPaid, LandError>;
