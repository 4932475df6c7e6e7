import { rootCodeOf, type Chart } from '../ledger/chart/index.js';
import { undistributedAccountOf } from '../ledger/closing.js';
import type { YearClosedData } from '../ledger/closing-codec.js';
import type { ReserveBasis } from './charter-events.js';

/** A closed year's distributable income and its parts, in fen (credit positive). */
export interface DistributableIncome {
  /** 本年收益 */
  readonly netIncome: bigint;
  /** 年初未分配收益: 322's credit balance as the year opened. */
  readonly openingUndistributed: bigint;
  /** What the year's vouchers debited to the other 322 accounts: the previous year's plan, paid out of the opening balance. */
  readonly previousDistributions: bigint;
  /** 其他转入: what vouchers credited (less debited) to 321 and 未分配收益, e.g. 公积公益金弥补亏损. */
  readonly transfersIn: bigint;
  /** 可分配收益: 322's credit balance after the close. */
  readonly distributable: bigint;
  /** 弥补以前年度亏损: the part of this year's income (and transfers) that made good the losses brought forward. */
  readonly lossesCovered: bigint;
}

const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/**
 * Read a closed year's distributable income from its close and its vouchers:
 * distributable = 322's balance the close carried; transfers in and the
 * previous distributions from the year's movements; the opening balance is
 * what makes the identity hold, closing = opening + net income + transfers −
 * previous distributions.
 */
export const distributableOf = (closed: YearClosedData, movements: ReadonlyMap<string, bigint>, chart: Chart): DistributableIncome => {
  const undistributed = undistributedAccountOf(chart);
  let distributable = 0n;
  for (const c of closed.carried) if (rootCodeOf(c.account) === '322') distributable -= c.balance.toFen();
  let transfersIn = 0n;
  let previousDistributions = 0n;
  for (const [account, fen] of movements) {
    if (account === '321' || account === undistributed) transfersIn -= fen;
    else if (rootCodeOf(account) === '322') previousDistributions += fen;
  }
  const netIncome = closed.netIncome.toFen();
  const openingUndistributed = distributable - netIncome - transfersIn + previousDistributions;
  const losses = max(0n, previousDistributions - openingUndistributed);
  const lossesCovered = min(losses, max(0n, netIncome + transfersIn));
  return { netIncome, openingUndistributed, previousDistributions, transfersIn, distributable, lossesCovered };
};

/**
 * What the charter's reserve percentage is applied to. `income-after-losses`:
 * the year's income (with transfers in, which are there to make good losses)
 * less the losses brought forward, never more than the year's income;
 * `distributable`: the whole distributable income. Never below zero.
 */
export const reserveBasisOf = (d: DistributableIncome, basis: ReserveBasis): bigint => {
  if (basis === 'distributable') return max(0n, d.distributable);
  const losses = max(0n, d.previousDistributions - d.openingUndistributed);
  return max(0n, min(d.netIncome, d.netIncome + d.transfersIn - losses));
};
