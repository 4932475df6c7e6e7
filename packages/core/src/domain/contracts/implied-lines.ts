import type { ImpliedLines } from '../ledger/sub-ledger.js';
import type { ContractEvent } from './events.js';
import { paymentPostings, recognitionPostings, type RecognitionLine } from './postings.js';
import type { ContractBook } from './register.js';

const NONE: ImpliedLines = { lines: [], complete: true };

/**
 * The journal lines a contract event implies, read from the event and the
 * register it applies to: what the voucher appended with it must post. A
 * contract the register does not hold implies nothing here (the register's
 * own check names it).
 */
export const contractImpliedLines = (book: ContractBook, event: ContractEvent): ImpliedLines => {
  if (event.type === 'ContractIncomeRecognised') {
    const lines: RecognitionLine[] = [];
    for (const item of event.data.contracts) {
      const c = book.contracts.get(item.contractId);
      if (c !== undefined) lines.push({ ...c, fen: item.amount.toFen(), prepaid: item.prepaid.toFen() });
    }
    return { lines: recognitionPostings(lines), complete: true };
  }
  if (event.type === 'ContractPaymentReceived') {
    const c = book.contracts.get(event.data.contractId);
    if (c === undefined) return NONE;
    const { receivedInto, toReceivable, toPrepayment } = event.data;
    const lines = paymentPostings({ receivedInto, receivableAccount: c.receivableAccount, prepaymentAccount: c.prepaymentAccount }, { toReceivable: toReceivable.toFen(), toPrepayment: toPrepayment.toFen() });
    return { lines, complete: true };
  }
  return NONE;
};
