import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { PositiveDecimalString, PositiveYuan } from '../../codecs/money-codecs.js';
import { IsoDate, PositiveInteger } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { Money } from '../../money/money.js';
import { divRoundHalfUp, pow10, scaledFromDec } from '../../money/scaled.js';
import { sharedDate, sharedFen } from './shared-values.js';

/** A rent indexed to grain (折粮计租): so many kg at a reference price per kg, in yuan. */
export const Grain = t.type({ kg: PositiveDecimalString, pricePerKg: PositiveDecimalString });
export type Grain = t.TypeOf<typeof Grain>;

/**
 * The cash an instalment indexed to grain comes to: kg × price per kg,
 * computed exactly and rounded once, half-up (四舍五入), to the fen. For
 * example 1234.567 kg at 1.325 yuan/kg is 1635.801275 yuan, so 1635.80.
 */
export const grainAmount = (grain: Grain): Money => {
  const kg = scaledFromDec(grain.kg);
  const price = scaledFromDec(grain.pricePerKg);
  const scale = kg.scale + price.scale;
  return Money.fromFen(divRoundHalfUp(kg.units * price.units * 100n, pow10(scale)));
};

/** An instalment as a command gives it: due on a date, either a fixed `amount` or an amount of `grain`. */
export const InstalmentInput = struct('an instalment', { dueOn: IsoDate }, { amount: PositiveYuan, grain: Grain });
export type InstalmentInput = t.TypeOf<typeof InstalmentInput>;

/** A payment schedule as a command gives it, in the order of the due dates. */
export const ScheduleInput = arrayOf(InstalmentInput);

/**
 * An instalment as the register records it: its number in the contract
 * (1, 2, …; never given again, also after an amendment), due date and cash
 * amount, and for a grain-indexed one the grain it was computed from.
 */
export const Instalment = struct('an instalment', { no: PositiveInteger, dueOn: IsoDate, amount: PositiveYuan }, { grain: Grain });
export type Instalment = t.TypeOf<typeof Instalment>;

export const Schedule = arrayOf(Instalment);

/** An instalment in memory: its amount in fen. */
export interface ScheduledInstalment {
  readonly no: number;
  readonly dueOn: string;
  readonly fen: bigint;
  readonly grain: Grain | undefined;
}

export const scheduledOf = (i: Instalment): ScheduledInstalment => ({ no: i.no, dueOn: sharedDate(i.dueOn), fen: sharedFen(i.amount.toFen()), grain: i.grain });

/** The kg and price as the event writes them, or nothing. */
export const grainJson = (grain: Grain | undefined): { grain?: { kg: string; pricePerKg: string } } =>
  grain === undefined ? {} : { grain: { kg: grain.kg.toFixed(), pricePerKg: grain.pricePerKg.toFixed() } };

/** The total of a schedule's amounts, in fen. */
export const totalOf = (schedule: readonly { readonly fen: bigint }[]): bigint => {
  let fen = 0n;
  for (const i of schedule) fen += i.fen;
  return fen;
};
