import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Chart } from '../ledger/chart/index.js';
import { isFullyDepreciated } from './depreciation.js';
import { assetError, type AssetError } from './errors.js';
import type { AssetEvent } from './events.js';
import { monthOf, previousMonth } from './months.js';
import type { Posting } from './postings.js';
import type { AssetRegister, FixedAssetRecord } from './asset-register.js';

/** What one asset command decides: its asset events, and the voucher lines they imply. */
export interface Decision {
  readonly events: readonly AssetEvent[];
  readonly summary: string;
  readonly postings: readonly Posting[];
}

export type Decided = Either<AssetError, Decision>;

/** What every decision reads: the register as it stands, the chart, the business date and the voucher number to use. */
export interface DecisionContext {
  readonly organizationId: string;
  readonly register: AssetRegister;
  readonly chart: Chart;
  readonly date: string;
  readonly voucherNo: string;
}

export const refuse = (code: AssetError['code'], message: string): Either<AssetError, never> => left(assetError(code, message));

/** An id names one asset or investment of the village, ever: a disposed asset's id is not given again. */
export const idTaken = (register: AssetRegister, id: string): boolean =>
  register.resources.has(id) || register.fixed.has(id) || register.investments.has(id);

/**
 * A fixed asset a change can apply to on `date` (in the field `dateField`):
 * on the register, not disposed, acquired on or before the date, and
 * depreciated through the month before, so its figures are current.
 */
export const liveFixedAsset = (context: DecisionContext, assetId: string, dateField: string): Either<AssetError, FixedAssetRecord> => {
  const asset = context.register.fixed.get(assetId);
  if (asset === undefined) return refuse('ASSET_UNKNOWN', `assetId: ${assetId} is not a fixed asset of ${context.organizationId}`);
  if (asset.disposedOn !== undefined) {
    return refuse('ASSET_DISPOSED', `assetId: ${assetId} (${asset.name}) was disposed of on ${asset.disposedOn}`);
  }
  if (context.date < asset.acquiredOn) {
    return refuse('ASSET_DATE_BEFORE_ACQUISITION', `${dateField}: ${context.date} is before ${assetId} was acquired on ${asset.acquiredOn}`);
  }
  const due = previousMonth(monthOf(context.date));
  if (asset.lastMonth < due && !isFullyDepreciated(asset)) {
    return refuse('DEPRECIATION_GAP', `assetId: ${assetId} (${asset.name}) is depreciated through ${asset.lastMonth}; charge depreciation through ${due} first`);
  }
  return right(asset);
};
