import { Money } from '../../money/money.js';
import type { AccountDefinition, Chart } from './chart/index.js';
import { ledgerError, type LedgerError } from './errors.js';
import { signedFen } from './state.js';
import type { VoucherData } from './voucher-codec.js';

/**
 * The balance an account holds on its own code (debit positive): what was
 * carried into the year plus this year's postings to exactly that code.
 */
export type OwnBalance = (code: string) => bigint;

/** The voucher's net movement on each account that has sub-accounts, debit positive. */
const netOnParents = (voucher: VoucherData, chart: Chart): Map<string, bigint> => {
  const net = new Map<string, bigint>();
  for (const line of voucher.lines) {
    if (chart.has(line.account) && !chart.isLeaf(line.account)) net.set(line.account, (net.get(line.account) ?? 0n) + signedFen(line));
  }
  return net;
};

/** Moving `net` toward zero from `own`, without passing it. */
const clearsPart = (own: bigint, net: bigint): boolean =>
  own !== 0n && (own > 0n ? net < 0n && -net <= own : net > 0n && net <= -own);

const notLeaf = (index: number, account: string, chart: Chart, own: bigint): LedgerError => {
  const leaves = chart.childrenOf(account).map((a) => a.code).join(', ');
  const balance = own === 0n ? '' : `; its own balance of ${Money.fromFen(own < 0n ? -own : own).toString()} from before them may only be moved into them`;
  return ledgerError('VOUCHER_ACCOUNT_NOT_LEAF', `lines[${index}].account: ${account} has sub-accounts (${leaves}); post to one of them${balance}`);
};

/**
 * The first line whose account cannot be posted to: one not in the chart, or
 * one with sub-accounts (only leaves take postings). The exception: an
 * account that was posted to before its sub-accounts were declared keeps that
 * balance on its own code, and a voucher may move it into the sub-accounts
 * (e.g. Dr 15101 Cr 151), toward zero and not past it.
 */
export const accountProblem = (voucher: VoucherData, chart: Chart, ownBalance: OwnBalance): LedgerError | undefined => {
  const parents = netOnParents(voucher, chart);
  for (const [index, { account }] of voucher.lines.entries()) {
    if (!chart.has(account)) {
      return ledgerError('VOUCHER_ACCOUNT_UNKNOWN', `lines[${index}].account: ${account} is not in the chart of accounts of ${voucher.organizationId}`);
    }
    const net = parents.get(account);
    if (net !== undefined && !clearsPart(ownBalance(account), net)) return notLeaf(index, account, chart, ownBalance(account));
  }
  return overdrawn(voucher, chart, ownBalance);
};

/** Whether a voucher's lines reach 库存现金 (101) or 银行存款 (102): its balances then matter to the decision. */
export const movesCashOrBank = (voucher: Pick<VoucherData, 'lines'>): boolean => voucher.lines.some((line) => isCashOrBank(line.account));

const isCash = (account: string): boolean => account.startsWith('101');

const isCashOrBank = (account: string): boolean => isCash(account) || account.startsWith('102');

/** The voucher's net movement on each cash or bank account, debit positive. */
const netOnCashAndBank = (voucher: VoucherData): Map<string, bigint> => {
  const net = new Map<string, bigint>();
  for (const line of voucher.lines) if (isCashOrBank(line.account)) net.set(line.account, (net.get(line.account) ?? 0n) + signedFen(line));
  return net;
};

const overdrawnError = (voucherNo: string, index: number, account: AccountDefinition, after: bigint): LedgerError => {
  const cash = isCash(account.code);
  const what = cash ? 'cash on hand cannot be negative' : `if the bank grants an overdraft, declare it in the chart (allowBankOverdraft ${account.code})`;
  return ledgerError(
    cash ? 'VOUCHER_CASH_OVERDRAWN' : 'VOUCHER_BANK_OVERDRAWN',
    `lines[${index}].account: voucher ${voucherNo} would leave ${account.code} ${account.nameZh} with a credit balance of ${Money.fromFen(-after).toString()}; ${what}`,
  );
};

/**
 * 库存现金 never ends a voucher with a credit balance, nor 银行存款 unless the
 * village's chart lets the bank account be overdrawn (BankOverdraftAllowed):
 * the first cash or bank account the voucher would leave below zero, with
 * its balance. The balance is the account's own (carried plus this year's).
 */
const overdrawn = (voucher: VoucherData, chart: Chart, ownBalance: OwnBalance): LedgerError | undefined => {
  const net = netOnCashAndBank(voucher);
  for (const [index, { account }] of voucher.lines.entries()) {
    const moved = net.get(account) ?? 0n;
    const after = ownBalance(account) + moved;
    const definition = chart.account(account);
    // A receipt into an account already below zero (books kept before this rule) only makes it better.
    if (moved < 0n && after < 0n && definition !== undefined && !definition.mayBeOverdrawn) return overdrawnError(voucher.voucherNo, index, definition, after);
  }
  return undefined;
};
