import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Dec } from '../../money/decimal.js';
import { built, yuan } from './build.js';
import type { ChargeDepreciationInputValue } from './inputs.js';
import { refuse, type Decided, type DecisionContext } from './decision.js';
import { isFullyDepreciated, straightLineCharge, unitsOfWorkCharge } from './depreciation.js';
import type { AssetError } from './errors.js';
import { depreciationCharged } from './events.js';
import { monthOf, nextMonth } from './months.js';
import { depreciationPostings } from './postings.js';
import type { FixedAssetRecord } from './asset-register.js';

interface Charge {
  readonly asset: FixedAssetRecord;
  readonly fen: bigint;
  readonly units: Dec | undefined;
}

/** In use in `month`: acquired in an earlier month (当月增加当月不提), and not disposed of by then. */
const inUse = (asset: FixedAssetRecord, month: string): boolean =>
  monthOf(asset.acquiredOn) < month && (asset.disposedOn === undefined || monthOf(asset.disposedOn) > month);

/** The assets the run covers: all in use, or those named in `assetIds`, each of which must be chargeable in the month. */
const covered = (input: ChargeDepreciationInputValue, context: DecisionContext): Either<AssetError, FixedAssetRecord[]> => {
  const all = [...context.register.fixed.values()];
  if (input.assetIds === undefined) return right(all.filter((asset) => inUse(asset, input.month)));
  const named: FixedAssetRecord[] = [];
  for (const assetId of input.assetIds) {
    const asset = context.register.fixed.get(assetId);
    if (asset === undefined) return refuse('ASSET_UNKNOWN', `assetIds: ${assetId} is not a fixed asset of ${context.organizationId}`);
    if (monthOf(asset.acquiredOn) >= input.month) {
      return refuse('DEPRECIATION_BEFORE_START', `assetIds: ${assetId} was acquired on ${asset.acquiredOn}; its depreciation starts in ${nextMonth(monthOf(asset.acquiredOn))}`);
    }
    if (!inUse(asset, input.month)) return refuse('ASSET_DISPOSED', `assetIds: ${assetId} (${asset.name}) was disposed of on ${asset.disposedOn ?? ''}`);
    named.push(asset);
  }
  return right(named);
};

/** Why units cannot be given for an asset in this run, if they cannot. */
const usageProblem = (asset: FixedAssetRecord | undefined, seen: boolean, month: string): string | undefined => {
  if (asset === undefined) return `is not depreciated in ${month}`;
  if (asset.method !== 'units-of-work') return 'is depreciated by months, not units';
  if (seen) return 'is given twice';
  return isFullyDepreciated(asset) ? 'is fully depreciated' : undefined;
};

/** Units given for the month, each for a units-of-work asset of the run, at most once. */
const usageOf = (input: ChargeDepreciationInputValue, assets: readonly FixedAssetRecord[]): Either<AssetError, Map<string, Dec>> => {
  const byId = new Map(assets.map((a) => [a.assetId, a]));
  const usage = new Map<string, Dec>();
  for (const [i, { assetId, units }] of (input.usage ?? []).entries()) {
    const problem = usageProblem(byId.get(assetId), usage.has(assetId), input.month);
    if (problem !== undefined) return refuse('DEPRECIATION_USAGE_INVALID', `usage[${i}].assetId: ${assetId} ${problem}`);
    usage.set(assetId, units);
  }
  return right(usage);
};

/** One asset's charge for the month, `undefined` when it has been charged already (a run repeated changes nothing). */
const chargeOf = (asset: FixedAssetRecord, month: string, usage: ReadonlyMap<string, Dec>): Either<AssetError, Charge | undefined> => {
  if (asset.lastMonth >= month || isFullyDepreciated(asset)) return right(undefined);
  if (nextMonth(asset.lastMonth) < month) {
    return refuse('DEPRECIATION_GAP', `month: ${asset.assetId} (${asset.name}) is depreciated through ${asset.lastMonth}; charge ${nextMonth(asset.lastMonth)} first`);
  }
  if (asset.method === 'straight-line') return right({ asset, fen: straightLineCharge(asset), units: undefined });
  const units = usage.get(asset.assetId);
  if (units === undefined) {
    return refuse('DEPRECIATION_USAGE_MISSING', `usage: ${asset.assetId} (${asset.name}) is depreciated by units of work; give its units for ${month}`);
  }
  return right({ asset, fen: unitsOfWorkCharge(asset, units), units });
};

/**
 * 计提折旧 for one month: a `DepreciationCharged` for every asset in use and
 * not yet charged for it, and one voucher (Dr each charge account, Cr each
 * accumulated-depreciation account). Months are charged in order; an asset
 * already charged for the month is passed over, so running a month twice
 * changes nothing.
 */
export const chargeDepreciation = (input: ChargeDepreciationInputValue, context: DecisionContext): Decided => {
  const assets = covered(input, context);
  if (assets._tag === 'Left') return assets;
  const usage = usageOf(input, assets.right);
  if (usage._tag === 'Left') return usage;
  const charges: Charge[] = [];
  for (const asset of assets.right) {
    const charge = chargeOf(asset, input.month, usage.right);
    if (charge._tag === 'Left') return left(charge.left);
    if (charge.right !== undefined) charges.push(charge.right);
  }
  const total = charges.reduce((sum, c) => sum + c.fen, 0n);
  const voucherNo = total > 0n ? { voucherNo: context.voucherNo } : {};
  const events = charges.map(({ asset, fen, units }) =>
    built(depreciationCharged, {
      organizationId: context.organizationId,
      assetId: asset.assetId,
      month: input.month,
      amount: yuan(fen),
      ...(units === undefined ? {} : { units: units.toFixed() }),
      ...voucherNo,
    }),
  );
  const postings = depreciationPostings(charges.map(({ asset, fen }) => ({ chargeAccount: asset.chargeAccount, depreciationAccount: asset.depreciationAccount, fen })));
  return right({ events, summary: `计提${input.month}固定资产折旧`, postings });
};
