import { rootCodeOf, type Chart } from '../ledger/chart/index.js';
import { Money } from '../../money/money.js';
import type { CollectiveLandEvent, LandIncomePaidOnData, LandRentCollectedData } from './collective-events.js';
import type { CollectiveLand } from './collective-register.js';
import { landError, type LandError } from './errors.js';

/** The standard accounts each account field may name (or a sub-account of one). */
export const LAND_ACCOUNT_ROOTS = {
  receivedInto: ['101', '102'],
  paidFrom: ['101', '102'],
  heldAccount: ['113', '211'],
  feeAccount: ['501', '504'],
} as const;

/** The accounts used when a command names none: 102 银行存款, 113 内部往来, 501 经营收入. */
export const DEFAULT_LAND_ACCOUNTS = { receivedInto: '102', paidFrom: '102', heldAccount: '113', feeAccount: '501' } as const;

type Field = keyof typeof LAND_ACCOUNT_ROOTS;

const rootProblem = (field: Field, code: string): LandError | undefined => {
  const roots: readonly string[] = LAND_ACCOUNT_ROOTS[field];
  return roots.includes(rootCodeOf(code)) ? undefined : landError('LAND_ACCOUNT_INVALID', `${field}: ${code} is not an account under ${roots.join(' or ')}`);
};

/** An account vouchers can post to: in the village's chart, a leaf, under the roots the field takes. */
export const landAccountsProblem = (chart: Chart, fields: readonly (readonly [Field, string])[]): LandError | undefined => {
  for (const [field, code] of fields) {
    if (!chart.has(code)) return landError('LAND_ACCOUNT_INVALID', `${field}: ${code} is not in the village's chart of accounts`);
    if (!chart.isLeaf(code)) return landError('LAND_ACCOUNT_INVALID', `${field}: ${code} has sub-accounts (${chart.childrenOf(code).map((a) => a.code).join(', ')}); name one of them`);
    const wrong = rootProblem(field, code);
    if (wrong !== undefined) return wrong;
  }
  return undefined;
};

const heldOnProblem = (state: CollectiveLand, transferId: string, heldAccount: string): LandError | undefined => {
  const held = state.held.get(transferId);
  return held !== undefined && held.account !== heldAccount ? landError('LAND_ACCOUNT_INVALID', `heldAccount: rent of ${transferId} is held on ${held.account}, not ${heldAccount}`) : undefined;
};

const collectedProblem = (state: CollectiveLand, d: LandRentCollectedData): LandError | undefined => {
  if (d.serviceFee.gt(d.amount)) return landError('LAND_PAYMENT_INVALID', `serviceFee: ${d.serviceFee.toString()} is more than the ${d.amount.toString()} collected`);
  return heldOnProblem(state, d.transferId, d.heldAccount) ?? rootProblem('receivedInto', d.receivedInto) ?? rootProblem('heldAccount', d.heldAccount) ?? rootProblem('feeAccount', d.feeAccount);
};

const paidOnProblem = (state: CollectiveLand, d: LandIncomePaidOnData): LandError | undefined => {
  const fen = state.held.get(d.transferId)?.fen ?? 0n;
  if (d.amount.toFen() > fen) return landError('LAND_OVERPAID', `amount: ${d.amount.toString()} is more than the ${Money.fromFen(fen).toString()} the collective holds for ${d.transferId}`);
  return heldOnProblem(state, d.transferId, d.heldAccount) ?? rootProblem('paidFrom', d.paidFrom) ?? rootProblem('heldAccount', d.heldAccount);
};

/** Whether an event is a legal step of the land sub-ledger, whatever the chart: what the commands decide with and the checked import re-applies. */
export const collectiveLandProblem = (state: CollectiveLand, event: CollectiveLandEvent): LandError | undefined => {
  switch (event.type) {
    case 'LandRentCollected':
      return collectedProblem(state, event.data);
    case 'LandIncomePaidOn':
      return paidOnProblem(state, event.data);
    case 'LandServiceFeeReceived':
      return rootProblem('receivedInto', event.data.receivedInto) ?? rootProblem('feeAccount', event.data.feeAccount);
  }
};
