import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../../codecs/reporter.js';
import type { Chart } from '../ledger/chart/index.js';
import { ledgerDecider } from '../ledger/decider.js';
import type { LedgerError } from '../ledger/errors.js';
import type { VoucherPosted } from '../ledger/events.js';
import type { LedgerYearState } from '../ledger/state.js';
import { VoucherData } from '../ledger/voucher-codec.js';
import type { OrganizationKind } from '../organization/events.js';
import { yuan } from './build.js';
import type { Posting } from './postings.js';

const PREFIX = '资-';

/** The next free number of the asset register's series in the year: 资-001, 资-002, … */
export const nextAssetVoucherNo = (ledger: LedgerYearState): string => {
  for (let n = 1; ; n += 1) {
    const voucherNo = `${PREFIX}${String(n).padStart(3, '0')}`;
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
}

/**
 * The voucher an asset operation generates (`origin: assets`), checked by the
 * ledger's own rules for vouchers (number free in the year, accounts that take
 * postings, year open). No postings, no voucher.
 */
export const generatedVoucher = (header: VoucherHeader, postings: readonly Posting[], ledger: LedgerYearState): Either<LedgerError, readonly VoucherPosted[]> => {
  if (postings.some((p) => p.fen < 0n)) throw new Error(`the asset register built a negative posting for voucher ${header.voucherNo}`);
  const lines = postings.filter((p) => p.fen > 0n).map((p) => ({ account: p.account, side: p.side, amount: yuan(p.fen) }));
  if (lines.length === 0) return right([]);
  const { organizationId, voucherNo, date, summary, organizationKind, chart } = header;
  const voucher = VoucherData.decode({ organizationId, voucherNo, date, summary, lines, origin: 'assets' });
  if (isLeft(voucher)) throw new Error(`the asset register built an invalid voucher: ${formatValidationErrors(voucher.left, 'data').join('; ')}`);
  const decided = ledgerDecider.decide({ type: 'PostVoucher', voucher: voucher.right, organizationKind, chart, carried: new Map() }, ledger);
  return decided as Either<LedgerError, readonly VoucherPosted[]>;
};
