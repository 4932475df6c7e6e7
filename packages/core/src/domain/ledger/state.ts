import type { YearClosedData } from './closing-codec.js';
import type { LedgerEvent } from './events.js';
import type { DomainEvent } from '../../kernel/event.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
import type { VoucherLine, VoucherOrigin } from './voucher-codec.js';

/** What the year remembers of a posted voucher: its lines, the voucher it reverses, and the one that reversed it. */
export interface PostedVoucher {
  readonly lines: readonly VoucherLine[];
  readonly reverses: string | undefined;
  readonly reversedBy: string | undefined;
  /** The sub-ledger that generated it (`assets`); `undefined` for a voucher posted by hand. */
  readonly origin: VoucherOrigin | undefined;
}

/**
 * One village's ledger for one fiscal year: the vouchers posted (by number),
 * each account's net movement in fen (debit positive), and the close once
 * recorded.
 */
export interface LedgerYearState {
  readonly vouchers: PersistentMap<string, PostedVoucher>;
  readonly movements: PersistentMap<string, bigint>;
  readonly closed: YearClosedData | undefined;
}

export const initialLedgerYear = (): LedgerYearState => ({ vouchers: PersistentMap.empty(), movements: PersistentMap.empty(), closed: undefined });

/** Signed fen of a line: debits positive, credits negative. */
export const signedFen = (line: Pick<VoucherLine, 'side' | 'amount'>): bigint =>
  line.side === 'debit' ? line.amount.toFen() : -line.amount.toFen();

const LEDGER_TYPES: ReadonlySet<string> = new Set(['VoucherPosted', 'YearClosed']);

/**
 * A ledger-year stream also holds the events of sub-ledgers (the asset
 * register's, with the vouchers they generate): they move no money by
 * themselves, so the ledger's fold passes them by.
 */
export const isLedgerEvent = (event: DomainEvent): event is LedgerEvent => LEDGER_TYPES.has(event.type);

/** A new state sharing all but the changed paths of the old one's maps: an old state stays as it was. */
export const evolveLedgerYear = (state: LedgerYearState, event: DomainEvent): LedgerYearState => {
  if (!isLedgerEvent(event)) return state;
  if (event.type === 'YearClosed') return { ...state, closed: event.data };
  const { voucherNo, lines, reverses, origin } = event.data;
  let vouchers = state.vouchers.set(voucherNo, { lines, reverses, reversedBy: undefined, origin });
  const original = reverses === undefined ? undefined : vouchers.get(reverses);
  if (reverses !== undefined && original !== undefined) vouchers = vouchers.set(reverses, { ...original, reversedBy: voucherNo });
  let movements = state.movements;
  for (const line of lines) movements = movements.set(line.account, (movements.get(line.account) ?? 0n) + signedFen(line));
  return { vouchers, movements, closed: state.closed };
};
