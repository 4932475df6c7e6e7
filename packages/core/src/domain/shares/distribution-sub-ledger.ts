import { distributionImpliedLines } from './implied-lines.js';
import type { SubLedger } from '../ledger/sub-ledger.js';
import type { DistributionCommand } from './commands.js';
import { decideDistribution } from './decide-distribution.js';
import { decidePayment } from './decide-payment.js';
import { CarriedDividends, emptyDividendBooks, evolveDividendBooks, type DividendBooks } from './dividend-books.js';
import { shareError, type ShareError } from './errors.js';
import { distributionEventTypes, type DistributionEvent } from './events.js';

/** The voucher series of the distribution in a year: 分-001, 分-002, … */
export const DISTRIBUTION_SERIES = '分-';

const recheck = (books: DividendBooks, event: DistributionEvent): string | undefined => {
  if (event.type === 'IncomeDistributed') return books.distributed.has(event.data.year) ? `${event.data.year}'s income is already distributed` : undefined;
  if (event.type === 'DividendsDeclared') return books.declarations.has(event.data.year) ? `${event.data.year}'s dividends are already declared` : undefined;
  const declared = books.declarations.get(event.data.year);
  if (declared === undefined) return `no dividends of ${event.data.year} are still owed`;
  const over = event.data.payments.find((p) => p.amount.toFen() > (declared.unpaid.get(p.memberId) ?? 0n));
  return over === undefined ? undefined : `${over.memberId} is paid more of ${event.data.year}'s dividends than is still owed`;
};

/**
 * 收益分配 on the ledger year: the plan approved in the year after the one
 * it distributes, the dividends it declares, and their payments (series 分-).
 * The close carries the dividends declared and not yet paid.
 */
export const distributionSubLedger: SubLedger<DistributionCommand, DistributionEvent, DividendBooks, ShareError, DividendBooks> = {
  name: 'shares',
  series: DISTRIBUTION_SERIES,
  eventTypes: distributionEventTypes,
  carried: CarriedDividends,
  open: (carried) => carried ?? emptyDividendBooks,
  carry: (books) => books,
  evolve: evolveDividendBooks,
  decide: (command, books) => (command.type === 'DistributeIncome' ? decideDistribution(command, books.distributed) : decidePayment(command, books)),
  recheck,
  impliedLines: distributionImpliedLines,
  voucherNoOf: () => undefined,
  notVillage: (command, found) =>
    shareError('SHARES_ORGANIZATION_NOT_VILLAGE', `organizationId: ${command.input.organizationId} is ${found}; income is distributed by a village's collective`),
  yearClosed: (command, year) => {
    const field = command.type === 'DistributeIncome' ? 'approvedOn' : 'paidOn';
    return shareError('DISTRIBUTION_DATE_INVALID', `${field}: ${year} is closed for ${command.input.organizationId}; nothing more can be booked in it`);
  },
};
