import type { YearClosedData } from './closing-codec.js';
import type { LedgerEvent } from './events.js';
import type { VoucherLine } from './voucher-codec.js';

/** What the year remembers of a posted voucher: its lines, the voucher it reverses, and the one that reversed it. */
export interface PostedVoucher {
  readonly lines: readonly VoucherLine[];
  readonly reverses: string | undefined;
  readonly reversedBy: string | undefined;
}

/**
 * One village's ledger for one fiscal year: the vouchers posted (by number),
 * each account's net movement in fen (debit positive), and the close once
 * recorded.
 */
export interface LedgerYearState {
  readonly vouchers: ReadonlyMap<string, PostedVoucher>;
  readonly movements: ReadonlyMap<string, bigint>;
  readonly closed: YearClosedData | undefined;
}

export const initialLedgerYear = (): LedgerYearState => ({ vouchers: new Map(), movements: new Map(), closed: undefined });

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
  const vouchers = state.vouchers as Map<string, PostedVoucher>;
  const { voucherNo, lines, reverses } = event.data;
  vouchers.set(voucherNo, { lines, reverses, reversedBy: undefined });
  const original = reverses === undefined ? undefined : vouchers.get(reverses);
  if (reverses !== undefined && original !== undefined) vouchers.set(reverses, { ...original, reversedBy: voucherNo });
  const movements = state.movements as Map<string, bigint>;
  for (const line of lines) movements.set(line.account, (movements.get(line.account) ?? 0n) + signedFen(line));
  return state;
};
