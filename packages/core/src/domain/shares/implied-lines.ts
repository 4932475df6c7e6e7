import type { ImpliedLines } from '../ledger/sub-ledger.js';
import { credit, debit } from '../ledger/generated-voucher.js';
import type { DividendBooks } from './dividend-books.js';
import type { DistributionEvent } from './events.js';

const NONE: ImpliedLines = { lines: [], complete: true };

/**
 * The journal lines a distribution event implies: each step of the plan
 * debits its 322 sub-account and credits its account; a payment run debits
 * the payable account its declaration named and credits the cash or bank
 * account it was paid from. A declaration books nothing of its own.
 */
export const distributionImpliedLines = (books: DividendBooks, event: DistributionEvent): ImpliedLines => {
  switch (event.type) {
    case 'IncomeDistributed':
      return { lines: event.data.steps.flatMap((s) => [debit(s.account, s.amount.toFen()), credit(s.creditAccount, s.amount.toFen())]), complete: true };
    case 'DividendsDeclared':
      return NONE;
    case 'DividendsPaid': {
      const declared = books.declarations.get(event.data.year);
      const total = event.data.payments.reduce((sum, p) => sum + p.amount.toFen(), 0n);
      if (declared === undefined) return NONE;
      return { lines: [debit(declared.payableAccount, total), credit(event.data.account, total)], complete: true };
    }
  }
};
