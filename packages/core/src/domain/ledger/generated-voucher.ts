import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../../codecs/reporter.js';
import { Money } from '../../money/money.js';
import type { OrganizationKind } from '../organization/events.js';
import type { Chart } from './chart/index.js';
import { ledgerDecider } from './decider.js';
import type { LedgerError } from './errors.js';
import type { VoucherPosted } from './events.js';
import type { LedgerYearState } from './state.js';
import { ORIGIN_REGISTER, VoucherData, type VoucherOrigin } from './voucher-codec.js';

/** A journal line in fen, built by a sub-ledger; zero lines are dropped when the voucher is written. */
export interface Posting {
  readonly account: string;
  readonly side: 'debit' | 'credit';
  readonly fen: bigint;
}

export const debit = (account: string, fen: bigint): Posting => ({ account, side: 'debit', fen });
export const credit = (account: string, fen: bigint): Posting => ({ account, side: 'credit', fen });

/** The next free number of a sub-ledger's series in the year: `资-001`, `资-002`, … for the prefix `资-`. */
export const nextVoucherNo = (ledger: LedgerYearState, prefix: string): string => {
  for (let n = 1; ; n += 1) {
    const voucherNo = `${prefix}${String(n).padStart(3, '0')}`;
    if (!ledger.vouchers.has(voucherNo)) return voucherNo;
  }
};

export interface VoucherHeader {
  readonly organizationId: string;
  readonly voucherNo: string;
  readonly date: string;
  readonly summary: string;
  readonly organizationKind: OrganizationKind | undefined;
  readonly chart: Chart;
  /** The balances the last close carried into the year: cash and bank may not end the voucher below zero. */
  readonly carried: ReadonlyMap<string, bigint>;
  readonly origin: VoucherOrigin;
}

/**
 * The voucher a sub-ledger operation generates (`origin`), checked by the
 * ledger's own rules for vouchers (number free in the year, accounts that take
 * postings, year open). No postings, no voucher. A negative or malformed line
 * is a bug of the sub-ledger, not the user's input, so it throws.
 */
export const generatedVoucher = (header: VoucherHeader, postings: readonly Posting[], ledger: LedgerYearState): Either<LedgerError, readonly VoucherPosted[]> => {
  const register = ORIGIN_REGISTER[header.origin];
  if (postings.some((p) => p.fen < 0n)) throw new Error(`${register} built a negative posting for voucher ${header.voucherNo}`);
  const lines = postings.filter((p) => p.fen > 0n).map((p) => ({ account: p.account, side: p.side, amount: Money.fromFen(p.fen).toString() }));
  if (lines.length === 0) return right([]);
  const { organizationId, voucherNo, date, summary, organizationKind, chart, carried, origin } = header;
  const voucher = VoucherData.decode({ organizationId, voucherNo, date, summary, lines, origin });
  if (isLeft(voucher)) throw new Error(`${register} built an invalid voucher: ${formatValidationErrors(voucher.left, 'data').join('; ')}`);
  const decided = ledgerDecider.decide({ type: 'PostVoucher', voucher: voucher.right, organizationKind, chart, carried }, ledger);
  return decided as Either<LedgerError, readonly VoucherPosted[]>;
};
