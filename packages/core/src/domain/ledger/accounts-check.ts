import { Money } from '../../money/money.js';
import type { Chart } from './chart/index.js';
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
  return undefined;
};
