import * as t from 'io-ts';
import { DecimalString, NonNegativeYuan, Percentage, PositiveDecimalString, PositiveYuan, Yuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString, PositiveInteger } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { AcquisitionKind, AssetCategory, DepreciationMethod, DisposalKind, Month, RevaluationReason } from './kinds.js';

/**
 * 固定资产增加: the asset card (资产卡片) and how the asset came. Depreciation
 * starts the month after `acquiredOn`. `costAccount` (under 151) takes the
 * cost, `depreciationAccount` (under 152) the accumulated depreciation,
 * `chargeAccount` (under 401, 511, 513 or 514) each month's charge, and
 * `creditAccount` was credited by the acquisition. An asset brought in when the
 * books were opened (`opening`) may arrive with depreciation already charged.
 */
/** The fields of an asset card that an acquisition is asked for and records as given. */
export const cardFields = {
  organizationId: Id,
  assetId: Id,
  name: NonEmptyString,
  category: AssetCategory,
  acquisition: AcquisitionKind,
  acquiredOn: IsoDate,
  cost: PositiveYuan,
  usefulLifeMonths: PositiveInteger,
  residualRate: Percentage,
  method: DepreciationMethod,
  chargeAccount: AccountCode,
};

/** What an acquisition may add to a card. */
export const cardOptions = {
  /** 工作量法: the units of work over the whole life. */
  totalUnits: PositiveDecimalString,
  /** `opening` only: depreciation charged before the books were opened, and over how many months / units. */
  openingDepreciation: NonNegativeYuan,
  openingMonths: PositiveInteger,
  openingUnits: PositiveDecimalString,
};

/** The accounts a card posts to, defaulted by the command when not given. */
const cardAccounts = { costAccount: AccountCode, depreciationAccount: AccountCode, creditAccount: AccountCode };

export const FixedAssetAcquiredData = struct('a fixed asset', { ...cardFields, ...cardAccounts, voucherNo: NonEmptyString }, cardOptions);
export type FixedAssetAcquiredData = t.TypeOf<typeof FixedAssetAcquiredData>;

/** 计提折旧: one asset's charge for one month; its month's voucher is posted in the same append. */
export const DepreciationChargedData = struct(
  'a depreciation charge',
  { organizationId: Id, assetId: Id, month: Month, amount: NonNegativeYuan },
  { units: DecimalString, voucherNo: NonEmptyString },
);
export type DepreciationChargedData = t.TypeOf<typeof DepreciationChargedData>;

/** 资产评估 / 清产核资 调整: the cost rises (a gain) or falls (a loss) by `change`, against 311 公积公益金. */
export const FixedAssetRevaluedData = t.type({
  organizationId: Id,
  assetId: Id,
  revaluedOn: IsoDate,
  change: Yuan,
  reason: RevaluationReason,
  voucherNo: NonEmptyString,
});
export type FixedAssetRevaluedData = t.TypeOf<typeof FixedAssetRevaluedData>;

/**
 * 资产用途转换: the asset changes category (an idle school revitalised for
 * income becomes operating); cost and accumulated depreciation move to the new
 * accounts, and later charges go to the new charge account.
 */
export const FixedAssetReclassifiedData = struct(
  'a reclassification',
  {
    organizationId: Id,
    assetId: Id,
    reclassifiedOn: IsoDate,
    to: AssetCategory,
    costAccount: AccountCode,
    depreciationAccount: AccountCode,
    chargeAccount: AccountCode,
    reason: NonEmptyString,
  },
  { voucherNo: NonEmptyString },
);
export type FixedAssetReclassifiedData = t.TypeOf<typeof FixedAssetReclassifiedData>;

/**
 * 固定资产减少: the asset leaves the register. `cost` and `accumulated` are its
 * figures at that moment; a sale or scrapping goes through 154 固定资产清理
 * with its proceeds, the gain to 504 or the loss to 515.
 */
export const FixedAssetDisposedData = struct(
  'a disposal',
  {
    organizationId: Id,
    assetId: Id,
    disposedOn: IsoDate,
    disposal: DisposalKind,
    cost: PositiveYuan,
    accumulated: NonNegativeYuan,
    proceeds: NonNegativeYuan,
    voucherNo: NonEmptyString,
  },
  { receivedInto: AccountCode },
);
export type FixedAssetDisposedData = t.TypeOf<typeof FixedAssetDisposedData>;
