import type { YearClosedData } from './closing-codec.js';
import type { LedgerEvent } from './events.js';
import type { VoucherLine } from './voucher-codec.js';

/**
 * One village's ledger for one fiscal year: the voucher numbers used, each
 * account's net movement in fen (debit positive), and the close once recorded.
 */
export interface LedgerYearState {
  readonly voucherNos: ReadonlySet<string>;
  readonly movements: ReadonlyMap<string, bigint>;
  readonly closed: YearClosedData | undefined;
}

export const initialLedgerYear = (): LedgerYearState => ({ voucherNos: new Set(), movements: new Map(), closed: undefined });

/** Signed fen of a line: debits positive, credits negative. */
export const signedFen = (line: Pick<VoucherLine, 'side' | 'amount'>): bigint =>
  line.side === 'debit' ? line.amount.toFen() : -line.amount.toFen();

/**
 * States are only ever folded forward from `initialLedgerYear()`, so the set and
 * map are extended in place: copying them per voucher would make a year's fold
 * quadratic.
 */
export const evolveLedgerYear = (state: LedgerYearState, event: LedgerEvent): LedgerYearState => {
  if (event.type === 'YearClosed') return { ...state, closed: event.data };
  (state.voucherNos as Set<string>).add(event.data.voucherNo);
  const movements = state.movements as Map<string, bigint>;
  for (const line of event.data.lines) movements.set(line.account, (movements.get(line.account) ?? 0n) + signedFen(line));
  return state;
};
