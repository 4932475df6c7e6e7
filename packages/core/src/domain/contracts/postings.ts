/**
 * 记账规则 of the contract register. Recognising an instalment: Dr the
 * receivable (112) for what was not paid in advance, Dr the prepayment
 * account (211) for what was, Cr the income account (501 or 502). A payment:
 * Dr cash or bank (101 / 102), Cr the receivable for what settles recognised
 * instalments, Cr the prepayment account for the rest.
 */

import { credit, debit, type Posting } from '../ledger/generated-voucher.js';

export interface RecognitionLine {
  readonly incomeAccount: string;
  readonly receivableAccount: string;
  readonly prepaymentAccount: string;
  readonly fen: bigint;
  readonly prepaid: bigint;
}

const add = (sums: Map<string, bigint>, account: string, fen: bigint): void => {
  sums.set(account, (sums.get(account) ?? 0n) + fen);
};

/** One voucher for a recognition run: each account's lines summed, debits first. */
export const recognitionPostings = (lines: Iterable<RecognitionLine>): Posting[] => {
  const debits = new Map<string, bigint>();
  const credits = new Map<string, bigint>();
  for (const l of lines) {
    add(debits, l.receivableAccount, l.fen - l.prepaid);
    add(debits, l.prepaymentAccount, l.prepaid);
    add(credits, l.incomeAccount, l.fen);
  }
  return [...[...debits].map(([a, fen]) => debit(a, fen)), ...[...credits].map(([a, fen]) => credit(a, fen))];
};

/** A payment's voucher. */
export const paymentPostings = (
  accounts: { readonly receivedInto: string; readonly receivableAccount: string; readonly prepaymentAccount: string },
  split: { readonly toReceivable: bigint; readonly toPrepayment: bigint },
): Posting[] => [
  debit(accounts.receivedInto, split.toReceivable + split.toPrepayment),
  credit(accounts.receivableAccount, split.toReceivable),
  credit(accounts.prepaymentAccount, split.toPrepayment),
];
