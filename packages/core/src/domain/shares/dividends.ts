import { byCodePoint } from '../../kernel/code-point.js';
import { allocate } from '../../money/allocate.js';
import { Dec } from '../../money/decimal.js';
import { Money } from '../../money/money.js';
import type { ClassHoldings, Holdings } from './share-register.js';

/** One holder's part of a pool: their shares by class, their weighted shares and their dividend. */
export interface HolderDividend {
  readonly memberId: string;
  readonly shares: ClassHoldings;
  readonly weightedShares: Dec;
  readonly amount: Money;
}

export interface DividendAllocation {
  /** Members (and former members who kept shares) in member-id order. */
  readonly holders: readonly HolderDividend[];
  /** The collective share's part (集体股分红): it stays with the collective. */
  readonly retained: Money;
  readonly weightedShares: Dec;
}

const ONE = new Dec(1);

/** Shares × class weight, summed; a class the weights do not name weighs 1. */
export const weightedSharesOf = (shares: ClassHoldings, weights: ReadonlyMap<string, Dec>): Dec => {
  let sum = new Dec(0);
  for (const [classId, n] of shares) sum = sum.plus(n.times(weights.get(classId) ?? ONE));
  return sum;
};

/** All shares held, each weighted by its class: what the pool is divided by. */
export const weightedTotal = (holdings: Holdings, weights: ReadonlyMap<string, Dec>): Dec => {
  let sum = weightedSharesOf(holdings.collective, weights);
  for (const shares of holdings.members.values()) sum = sum.plus(weightedSharesOf(shares, weights));
  return sum;
};

/**
 * Divide `pool` over the shares held on the record date, each share weighted
 * by its class, exact to the fen, by the largest-remainder method (`allocate`):
 * every part is within one fen of its exact share and the parts add up to the
 * pool. Holders are taken in member-id order (code points) with the
 * collective last, so equal remainders go to the smaller member id, and the
 * result does not depend on the order anyone was registered in. A holder
 * whose shares weigh nothing gets nothing and changes nobody else's part.
 * Throws `AllocationError` when the pool is positive and no share weighs anything.
 */
export const allocateDividends = (pool: Money, holdings: Holdings, weights: ReadonlyMap<string, Dec>): DividendAllocation => {
  const members = [...holdings.members].sort(([a], [b]) => byCodePoint(a, b));
  const memberWeights = members.map(([, shares]) => weightedSharesOf(shares, weights));
  const collectiveWeight = weightedSharesOf(holdings.collective, weights);
  const parts = allocate(pool, [...memberWeights, collectiveWeight]);
  const holders = members.map(([memberId, shares], i) => ({
    memberId,
    shares,
    weightedShares: memberWeights[i] ?? new Dec(0),
    amount: parts[i] ?? Money.zero,
  }));
  const total = memberWeights.reduce((sum, w) => sum.plus(w), collectiveWeight);
  return { holders, retained: parts[members.length] ?? Money.zero, weightedShares: total };
};
