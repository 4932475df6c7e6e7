/**
 * 记账规则 of land where it touches the collective's books. Rent collected
 * as intermediary is not the collective's income: it is held for the
 * households on 113 内部往来 (the account of dealings with member
 * households; its credit balance is what the collective owes them) until
 * paid on. Only the service fee is income, 501 经营收入 (a service the
 * collective renders).
 */

import { credit, debit, type Posting } from '../ledger/generated-voucher.js';

export { credit, debit, type Posting };

/** 代收: Dr cash or bank the whole amount, Cr the held account what is owed on, Cr the fee account the fee (none, no line). */
export const collectionPostings = (accounts: { receivedInto: string; heldAccount: string; feeAccount: string }, fen: bigint, fee: bigint): Posting[] => [
  debit(accounts.receivedInto, fen),
  ...(fen > fee ? [credit(accounts.heldAccount, fen - fee)] : []),
  ...(fee > 0n ? [credit(accounts.feeAccount, fee)] : []),
];

/** 代付: Dr the held account, Cr cash or bank. */
export const paymentOnPostings = (heldAccount: string, paidFrom: string, fen: bigint): Posting[] => [debit(heldAccount, fen), credit(paidFrom, fen)];

/** 服务费: Dr cash or bank, Cr the fee account. */
export const serviceFeePostings = (receivedInto: string, feeAccount: string, fen: bigint): Posting[] => [debit(receivedInto, fen), credit(feeAccount, fen)];
