import type { ImpliedLines } from '../ledger/sub-ledger.js';
import type { DebtRegister } from './debt-register.js';
import type { DebtEvent } from './events.js';
import { offsetPostings, recognitionPostings, repaymentPostings, restructuringPostings, writeOffPostings } from './postings.js';

const all = (lines: ImpliedLines['lines']): ImpliedLines => ({ lines, complete: true });
const NONE: ImpliedLines = { lines: [], complete: true };

/**
 * The journal lines a debt event implies, read from the event and the
 * register it applies to: what the voucher appended with it must post. A
 * debt already on the books implies none; a resolution of a debt the
 * register does not hold implies none here (the register's own check names it).
 */
export const debtImpliedLines = (register: DebtRegister, event: DebtEvent): ImpliedLines => {
  if (event.type === 'DebtRecorded') {
    const { debitAccount, account, amount } = event.data;
    return debitAccount === undefined ? NONE : all(recognitionPostings(debitAccount, account, amount.toFen()));
  }
  const debt = register.open.get(event.data.debtId);
  if (debt === undefined) return NONE;
  const fen = event.data.amount.toFen();
  switch (event.type) {
    case 'DebtRepaid':
      return all(repaymentPostings(debt.account, event.data.paidFrom, fen));
    case 'DebtRestructured':
      return all(restructuringPostings({ from: debt.account, to: event.data.toAccount, income: event.data.incomeAccount }, fen, event.data.reduction.toFen()));
    case 'DebtOffset':
      return all(offsetPostings(debt.account, event.data.receivableAccount, fen));
    case 'DebtWrittenOff':
      return all(writeOffPostings(debt.account, event.data.incomeAccount, fen));
  }
};
