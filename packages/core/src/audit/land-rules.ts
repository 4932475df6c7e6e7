import { landRegisterDecider, type LandCommand } from '../domain/land/decider.js';
import { isLandEvent, type LandEvent, type WagesPaid } from '../domain/land/events.js';
import type { LandInputs } from '../domain/land/inputs.js';
import type { LandRegister } from '../domain/land/register.js';
import { wagesDecider, type RecordWages, type WagesState } from '../domain/land/wages.js';
import type { DomainEvent } from '../kernel/event.js';
import { asDecided, type BooksFacts } from './decided.js';
import { broken, type BookProblem } from './problem.js';

const COMMAND_OF: Readonly<Record<LandEvent['type'], keyof LandInputs>> = {
  ParcelContracted: 'ContractParcel',
  ParcelCertified: 'CertifyParcel',
  ParcelSplit: 'SplitParcel',
  ParcelsMerged: 'MergeParcels',
  LandTransferred: 'TransferLand',
  LandTransferTerminated: 'TerminateLandTransfer',
  LandTransferRenewed: 'RenewLandTransfer',
  LandTransferReassigned: 'ReassignLandTransfer',
  GrainPriceReviewed: 'ReviewGrainPrice',
  LandDividendDeclared: 'DeclareLandDividend',
  LandIncomePaid: 'PayHousehold',
};

/**
 * `land-<village>`: each event must be what its command decides on the land
 * register as it stands, against the village's households on its date: a
 * transfer without every household's consent, more area than a parcel has
 * free, a split whose parts do not add up, an overpayment are refused; what
 * the register computes (a merger's area, a dividend's division) must be
 * what it computes.
 */
export const landRules = {
  initial: landRegisterDecider.initialState,
  evolve: (state: LandRegister, event: DomainEvent): LandRegister => (isLandEvent(event) ? landRegisterDecider.evolve(state, event) : state),
  check: (state: LandRegister, event: DomainEvent, facts: BooksFacts): BookProblem[] => {
    if (!isLandEvent(event)) return [broken('STREAM_EVENT_TYPE', `a ${event.type} does not belong on a land stream`)];
    const { organizationId } = event.data;
    const command = { type: COMMAND_OF[event.type], input: event.data, organizationKind: facts.kindOf(organizationId), members: facts.membersOf(organizationId) } as LandCommand;
    return asDecided({ decide: landRegisterDecider.decide, command, state, recorded: event }, facts);
  },
};

/** `household-income-<village>-<year>`: wages paid to a member of the household named, on a date of the stream's year, each payment once. */
export const householdIncomeRules = {
  initial: wagesDecider.initialState,
  evolve: (state: WagesState, event: DomainEvent): WagesState => (event.type === 'WagesPaid' ? wagesDecider.evolve(state, event as WagesPaid) : state),
  check: (state: WagesState, event: DomainEvent, facts: BooksFacts, year: number): BookProblem[] => {
    if (event.type !== 'WagesPaid') return [broken('STREAM_EVENT_TYPE', `a ${event.type} does not belong on a household-income stream`)];
    const wages = event as WagesPaid;
    if (wages.data.paidOn.slice(0, 4) !== String(year)) return [broken('STREAM_YEAR', `wages paid on ${wages.data.paidOn} belong on the stream of ${wages.data.paidOn.slice(0, 4)}, not ${year}`)];
    const { organizationId } = wages.data;
    const command: RecordWages = { type: 'RecordWages', input: wages.data, organizationKind: facts.kindOf(organizationId), members: facts.membersOf(organizationId) };
    return asDecided({ decide: wagesDecider.decide, command, state, recorded: event }, facts);
  },
};
