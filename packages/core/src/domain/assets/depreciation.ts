import { Dec } from '../../money/decimal.js';
import type { Rate } from '../../money/rate.js';
import { divRoundHalfUp } from '../../money/scaled.js';
import { Money } from '../../money/money.js';

/** What the depreciation rules need of an asset, in fen. */
export interface DepreciationBasis {
  readonly cost: bigint;
  readonly residual: bigint;
  accumulated: bigint;
  readonly usefulLifeMonths: number;
  monthsCharged: number;
  /** Straight-line: the amount of every month but the last. */
  readonly monthly: bigint;
  readonly totalUnits: Dec | undefined;
  readonly unitsUsed: Dec;
}

/** 预计净残值 = cost × residual rate, rounded half-up to the fen. */
export const residualOf = (cost: bigint, rate: Rate): bigint => rate.applyTo(Money.fromFen(cost)).toFen();

/** What is left to depreciate: cost less residual value less what has been charged (never below zero). */
export const remainingOf = (asset: Pick<DepreciationBasis, 'cost' | 'residual' | 'accumulated'>): bigint => {
  const left = asset.cost - asset.residual - asset.accumulated;
  return left > 0n ? left : 0n;
};

/**
 * 月折旧额 (straight-line): what is left spread over the months left, rounded
 * half-up to the fen. Every month but the last charges this; the last charges
 * whatever is left, so the charges add up exactly to cost less residual value.
 * Where rounding up would leave the last month less than nothing (15 fen over
 * 10 months: 2 × 9 > 15), the monthly amount is rounded down instead.
 */
export const monthlyOf = (remaining: bigint, monthsLeft: number): bigint => {
  if (monthsLeft <= 1) return remaining;
  const months = BigInt(monthsLeft);
  const halfUp = divRoundHalfUp(remaining, months);
  return halfUp * (months - 1n) > remaining ? remaining / months : halfUp;
};

/** One month's straight-line charge: the monthly amount, or in the last month of the life what is left. */
export const straightLineCharge = (asset: DepreciationBasis): bigint => {
  const remaining = remainingOf(asset);
  if (asset.usefulLifeMonths - asset.monthsCharged <= 1) return remaining;
  return asset.monthly < remaining ? asset.monthly : remaining;
};

/**
 * One month's units-of-work charge: what is left in proportion to the units
 * used of the units left, half-up to the fen; the month that uses the last
 * units charges all that is left.
 */
export const unitsOfWorkCharge = (asset: DepreciationBasis, units: Dec): bigint => {
  const remaining = remainingOf(asset);
  const unitsLeft = (asset.totalUnits ?? new Dec(0)).minus(asset.unitsUsed);
  if (units.gte(unitsLeft)) return remaining;
  // remaining × units / unitsLeft, exact in scaled integers, then half-up to the fen.
  const scale = Math.max(units.decimalPlaces(), unitsLeft.decimalPlaces());
  const factor = new Dec(10).pow(scale);
  const top = BigInt(units.times(factor).toFixed(0));
  const bottom = BigInt(unitsLeft.times(factor).toFixed(0));
  const charge = divRoundHalfUp(remaining * top, bottom);
  return charge < remaining ? charge : remaining;
};

/** Fully depreciated (已提足折旧): nothing left to charge. */
export const isFullyDepreciated = (asset: DepreciationBasis): boolean => remainingOf(asset) === 0n;

/** Depreciation charged before the books were opened (建账): the amount and the months it took. */
export interface OpeningDepreciation {
  readonly depreciation: Money;
  readonly months: number;
}

/** An asset's depreciation figures when it comes onto the register, with what was charged before, if anything. */
export const basisOf = (cost: bigint, residualRate: Rate, usefulLifeMonths: number, opening?: OpeningDepreciation): DepreciationBasis & { monthly: bigint } => {
  const residual = residualOf(cost, residualRate);
  const accumulated = opening?.depreciation.toFen() ?? 0n;
  const monthsCharged = opening?.months ?? 0;
  return {
    cost,
    residual,
    accumulated,
    usefulLifeMonths,
    monthsCharged,
    monthly: monthlyOf(remainingOf({ cost, residual, accumulated }), usefulLifeMonths - monthsCharged),
    totalUnits: undefined,
    unitsUsed: new Dec(0),
  };
};

/**
 * The straight-line schedule of an asset from the month after it comes onto
 * the register to the end of its life, month by month, as the depreciation
 * runs will charge it when nothing changes on the way (no revaluation, no
 * disposal): to plan, or to show a card's future. An asset brought in when
 * the books were opened continues from its `opening` depreciation.
 */
export const straightLineSchedule = (cost: Money, residualRate: Rate, usefulLifeMonths: number, opening?: OpeningDepreciation): Money[] => {
  const asset = { ...basisOf(cost.toFen(), residualRate, usefulLifeMonths, opening) };
  const charges: Money[] = [];
  while (asset.monthsCharged < usefulLifeMonths) {
    const charge = straightLineCharge(asset);
    charges.push(Money.fromFen(charge));
    asset.accumulated += charge;
    asset.monthsCharged += 1;
  }
  return charges;
};
