import type { Dec } from './decimal.js';
import { AllocationError, DecimalFormatError } from './errors.js';
import { largestRemainders } from './largest-remainders.js';
import { Money } from './money.js';
import { rescale, scaledFromInput, type Scaled } from './scaled.js';

const shown = (weight: string | Dec): string => (typeof weight === 'string' ? JSON.stringify(weight) : weight.toString());

/** Read every weight and bring them to one scale, so the split is pure bigint arithmetic. */
const weightUnits = (weights: readonly (string | Dec)[]): bigint[] => {
  const read: Scaled[] = [];
  let scale = 0;
  for (const [index, weight] of weights.entries()) {
    let s: Scaled;
    try {
      s = scaledFromInput(weight, 'a weight');
    } catch (e) {
      if (e instanceof DecimalFormatError) throw new AllocationError(`weights[${index}]: ${e.message}`);
      throw e;
    }
    if (s.units < 0n) throw new AllocationError(`weights[${index}]: expected a weight of 0 or more, got ${shown(weight)}`);
    if (s.scale > scale) scale = s.scale;
    read.push(s);
  }
  return read.map((s) => rescale(s, scale));
};

/** Largest-remainder split of a non-negative number of fen. */
const split = (fen: bigint, units: readonly bigint[], weightSum: bigint): bigint[] => {
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const weight of units) {
    const exact = fen * weight;
    const part = exact / weightSum;
    parts.push(part);
    remainders.push(exact % weightSum);
    given += part;
  }
  // Each floor loses less than one fen, so fewer fen are left than there are parts: a count.
  const extra = largestRemainders(remainders, Number(fen - given));
  return parts.map((part, i) => (extra[i] === true ? part + 1n : part));
};

/**
 * Split `total` into parts proportional to `weights`, exact to the fen, by the
 * largest-remainder method: each part first gets its exact share rounded toward
 * zero, then the fen left over go one each to the parts whose shares lost the
 * most, equal losses going to the earlier position. The parts always add up to
 * `total`, each is within one fen of its exact share, and a zero weight gets zero.
 *
 * Weights are plain decimal strings or Decs, 0 or more. A negative total is split
 * as the negation of its absolute value, so signs never change the rounding.
 */
export const allocate = (total: Money, weights: readonly (string | Dec)[]): Money[] => {
  const units = weightUnits(weights);
  const weightSum = units.reduce((sum, w) => sum + w, 0n);
  const fen = total.toFen();
  if (weightSum === 0n) {
    if (fen === 0n) return units.map(() => Money.zero);
    const what = units.length === 0 ? 'no weights' : 'weights that are all zero';
    throw new AllocationError(`cannot allocate ${total.toString()} over ${what}`);
  }
  const magnitude = fen < 0n ? -fen : fen;
  const parts = split(magnitude, units, weightSum);
  // The method guarantees this; checking it is cheap and money must never be lost.
  const check = parts.reduce((sum, p) => sum + p, 0n);
  if (check !== magnitude) throw new Error(`allocation lost fen: ${check} of ${magnitude}`);
  return parts.map((p) => Money.fromFen(fen < 0n ? -p : p));
};
