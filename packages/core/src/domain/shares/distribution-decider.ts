import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Decider } from '../../kernel/decider.js';
import type { DomainEvent } from '../../kernel/event.js';
import { generatedVoucher, nextVoucherNo } from '../ledger/generated-voucher.js';
import type { LedgerError } from '../ledger/errors.js';
import type { LedgerEvent } from '../ledger/events.js';
import { evolveLedgerYear, initialLedgerYear, type LedgerYearState } from '../ledger/state.js';
import type { DistributionCommand } from './commands.js';
import { decideDistribution } from './decide-distribution.js';
import { decidePayment } from './decide-payment.js';
import { shareError, type ShareError } from './errors.js';
import { isDistributionEvent, type DistributionEvent } from './events.js';

/** A ledger-year stream as the distribution reads it: the ledger's state, and the distribution events recorded in it. */
export interface DistributionYearState {
  readonly ledger: LedgerYearState;
  readonly events: readonly DistributionEvent[];
}

/** Folded forward only, in place, like the ledger year itself. */
const evolve = (state: DistributionYearState, event: DomainEvent): DistributionYearState => {
  if (isDistributionEvent(event)) {
    (state.events as DistributionEvent[]).push(event);
    return state;
  }
  const ledger = evolveLedgerYear(state.ledger, event);
  return ledger === state.ledger ? state : { ledger, events: state.events };
};

/** The voucher series of the distribution in a year: 分-001, 分-002, … */
export const DISTRIBUTION_SERIES = '分-';

const dateOf = (command: DistributionCommand): string => (command.type === 'DistributeIncome' ? command.input.approvedOn : command.input.paidOn);

/**
 * Decide a distribution or a payment on the ledger-year stream of its date:
 * its events and the voucher they imply (`origin: shares`), checked by the
 * ledger's own rules and appended together, atomically.
 */
const decide = (command: DistributionCommand, state: DistributionYearState): Either<ShareError | LedgerError, readonly (DistributionEvent | LedgerEvent)[]> => {
  const { organizationId } = command.input;
  if (command.organizationKind !== 'village') {
    const found = command.organizationKind === undefined ? 'not registered' : `a ${command.organizationKind}`;
    return left(shareError('SHARES_ORGANIZATION_NOT_VILLAGE', `organizationId: ${organizationId} is ${found}; income is distributed by a village's collective`));
  }
  const date = dateOf(command);
  if (state.ledger.closed !== undefined) {
    const field = command.type === 'DistributeIncome' ? 'approvedOn' : 'paidOn';
    return left(shareError('DISTRIBUTION_DATE_INVALID', `${field}: ${date.slice(0, 4)} is closed for ${organizationId}; nothing more can be booked in it`));
  }
  const decided = command.type === 'DistributeIncome' ? decideDistribution(command, state.events) : decidePayment(command, state.events);
  if (decided._tag === 'Left') return decided;
  const { events, summary, postings } = decided.right;
  const voucherNo = nextVoucherNo(state.ledger, DISTRIBUTION_SERIES);
  const header = { organizationId, voucherNo, date, summary, organizationKind: command.organizationKind, chart: command.chart, origin: 'shares' as const };
  const voucher = generatedVoucher(header, postings, state.ledger);
  if (voucher._tag === 'Left') return voucher;
  return right([...events, ...voucher.right]);
};

export const distributionDecider: Decider<DistributionCommand, DistributionEvent | LedgerEvent, DistributionYearState, ShareError | LedgerError> = {
  decide,
  evolve,
  initialState: () => ({ ledger: initialLedgerYear(), events: [] }),
};
