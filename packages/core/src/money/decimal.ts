import { Decimal } from 'decimal.js';

/**
 * The library's own decimal constructor. A clone keeps our precision and rounding
 * (half-up, 四舍五入) independent of whatever the host application sets on the
 * global `Decimal`; every Dec in this library is built from it.
 */
export const Dec = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});

/** An instance of {@link Dec}; structurally the decimal.js `Decimal`. */
export type Dec = Decimal;

/** True for any decimal.js instance, whichever constructor built it. */
export const isDec = (u: unknown): u is Dec => Decimal.isDecimal(u);
