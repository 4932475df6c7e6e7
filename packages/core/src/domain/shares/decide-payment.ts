import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { Money } from '../../money/money.js';
import { rootCodeOf } from '../ledger/chart/index.js';
import { credit, debit } from '../ledger/generated-voucher.js';
import type { PayDividends } from './commands.js';
import type { DividendPayment, DividendsDeclaredData, DividendsPaidData } from './distribution-events.js';
import type { DistributionDecision } from './decide-distribution.js';
import type { ShareError } from './errors.js';
import type { DividendBooks } from './dividend-books.js';
import { dividendsPaid } from './events.js';
import { refuse } from './register-checks.js';

/** Each member's dividend still unpaid, in fen, in the declaration's order. */
export const unpaidOf = (declared: DividendsDeclaredData, payments: readonly DividendsPaidData[]): Map<string, bigint> => {
  const unpaid = new Map<string, bigint>(declared.dividends.map((d) => [d.memberId, d.amount.toFen()]));
  for (const run of payments) for (const p of run.payments) unpaid.set(p.memberId, (unpaid.get(p.memberId) ?? 0n) - p.amount.toFen());
  return unpaid;
};

const requested = (command: PayDividends, unpaid: ReadonlyMap<string, bigint>): Either<ShareError, DividendPayment[]> => {
  const { year, payments } = command.input;
  if (payments === undefined) {
    const all = [...unpaid].filter(([, fen]) => fen > 0n).map(([memberId, fen]) => ({ memberId, amount: Money.fromFen(fen) }) as DividendPayment);
    return all.length === 0 ? refuse('DIVIDENDS_PAYMENT_INVALID', `year: every dividend of ${year} has been paid`) : right(all);
  }
  const out: DividendPayment[] = [];
  for (const [i, p] of payments.entries()) {
    const field = `payments[${i}]`;
    const owed = unpaid.get(p.memberId);
    if (owed === undefined) return refuse('DIVIDENDS_PAYMENT_INVALID', `${field}.memberId: ${p.memberId} was declared no dividend for ${year}`);
    if (out.some((o) => o.memberId === p.memberId)) return refuse('DIVIDENDS_PAYMENT_INVALID', `${field}.memberId: ${p.memberId} is paid twice in one run`);
    if (owed <= 0n) return refuse('DIVIDENDS_PAYMENT_INVALID', `${field}.memberId: ${p.memberId}'s dividend for ${year} is paid in full`);
    const amount = p.amount ?? Money.fromFen(owed);
    if (amount.toFen() > owed) {
      return refuse('DIVIDENDS_PAYMENT_INVALID', `${field}.amount: ${amount.toString()} is more than the ${Money.fromFen(owed).toString()} still owed to ${p.memberId}`);
    }
    out.push({ memberId: p.memberId, amount });
  }
  return right(out);
};

/**
 * 发放分红: pay declared dividends, each at most what is still owed; what is
 * not claimed stays payable. Dr the payable account of the declaration, Cr
 * cash or bank. The declaration and what is still owed come from the ledger
 * year's books: carried by the last close, or declared in the year itself.
 */
export const decidePayment = (command: PayDividends, books: DividendBooks): Either<ShareError, DistributionDecision> => {
  const { organizationId, year, paidOn, account } = command.input;
  const declared = books.declarations.get(year);
  if (declared === undefined) {
    if (books.settled.has(year)) return refuse('DIVIDENDS_PAYMENT_INVALID', `year: every dividend of ${year} has been paid`);
    return refuse('DIVIDENDS_NOT_DECLARED', `year: ${organizationId} has declared no dividends for ${year}`);
  }
  if (paidOn < declared.declaredOn) return refuse('DIVIDENDS_PAYMENT_INVALID', `paidOn: ${paidOn} is before the dividends were declared on ${declared.declaredOn}`);
  if (!['101', '102'].includes(rootCodeOf(account)) || !command.chart.has(account) || !command.chart.isLeaf(account)) {
    return refuse('DIVIDENDS_PAYMENT_INVALID', `account: ${account} is not a cash (101) or bank (102) account that takes postings`);
  }
  const payments = requested(command, declared.unpaid);
  if (isLeft(payments)) return payments;
  const total = payments.right.reduce((sum, p) => sum + p.amount.toFen(), 0n);
  const data = { organizationId, year, paidOn, account, payments: payments.right } as DividendsPaidData;
  return right({
    events: [{ type: dividendsPaid.type, data }],
    summary: `发放${year}年度分红`,
    postings: [debit(declared.payableAccount, total), credit(account, total)],
  });
};
