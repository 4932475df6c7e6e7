/**
 * 记账规则: the journal lines each operation of the debt register implies.
 * They become the lines of the voucher the operation generates, posted in
 * the same append as its events, so the ledger and the register agree.
 */

import { credit, debit, type Posting } from '../ledger/generated-voucher.js';

export { credit, debit, type Posting };

/** 新确认债务: Dr what it is charged to (an asset, cost or expense), Cr the liability. */
export const recognitionPostings = (debitAccount: string, account: string, fen: bigint): Posting[] => [debit(debitAccount, fen), credit(account, fen)];

/** 偿还: Dr the liability, Cr cash (101) or bank (102). */
export const repaymentPostings = (account: string, paidFrom: string, fen: bigint): Posting[] => [debit(account, fen), credit(paidFrom, fen)];

/** 债务重组: Dr the old liability the part resolved, Cr the new liability what remains owed, Cr 504 the reduction the creditor agreed (none, no line). */
export const restructuringPostings = (accounts: { from: string; to: string; income: string }, fen: bigint, reduction: bigint): Posting[] => [
  debit(accounts.from, fen),
  credit(accounts.to, fen - reduction),
  ...(reduction > 0n ? [credit(accounts.income, reduction)] : []),
];

/** 抵销: Dr the liability, Cr the receivable from the same party (112 or 113). */
export const offsetPostings = (account: string, receivableAccount: string, fen: bigint): Posting[] => [debit(account, fen), credit(receivableAccount, fen)];

/** 核销: Dr the liability, Cr 504 其他收入. */
export const writeOffPostings = (account: string, incomeAccount: string, fen: bigint): Posting[] => [debit(account, fen), credit(incomeAccount, fen)];
