import * as t from 'io-ts';
import { NonNegativeYuan, PositiveDecimalString, PositiveYuan, Yuan } from '../../codecs/money-codecs.js';
import { arrayOf } from '../../codecs/array-of.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { AssetCategory, DisposalKind, Month, RevaluationReason } from './kinds.js';
import { ResourceAssetRegisteredData } from './resource-events.js';
import { cardFields, cardOptions } from './fixed-events.js';

/*
 * The inputs of the asset register's commands. Each `XInput` is a codec and,
 * as a type, what a caller sends: plain JSON, money as decimal strings, ids
 * and dates as strings. `XInputValue` is what the codec decodes it to.
 */

/** Every command may name its voucher; otherwise the next free `资-NNN` of the year is used. */
const voucherNo = { voucherNo: NonEmptyString };

/** 登记资源性资产: the input is the event's data. */
export const RegisterResourceAssetInput = ResourceAssetRegisteredData;

/** 资源性资产收入 (Dr `receivedInto`, default 102; Cr `incomeAccount`, default 501). */
export const RecordResourceIncomeInput = struct(
  'resource income',
  { organizationId: Id, assetId: Id, receivedOn: IsoDate, amount: PositiveYuan, summary: NonEmptyString },
  { incomeAccount: AccountCode, receivedInto: AccountCode, ...voucherNo },
);

/**
 * 固定资产增加. Defaults: `costAccount` 15101 (operating) or 15102
 * (non-operating), `depreciationAccount` 152, `creditAccount` by how the asset
 * came (102 purchase, 153 construction, 311 donation, transfer-in, subsidy and
 * stock-take surplus, 301 opening).
 */
export const AcquireFixedAssetInput = struct('a fixed asset', cardFields, {
  ...cardOptions,
  costAccount: AccountCode,
  depreciationAccount: AccountCode,
  creditAccount: AccountCode,
  ...voucherNo,
});

/** Units of work recorded for an asset in a month (工作量法). */
export const Usage = t.type({ assetId: Id, units: PositiveDecimalString });

/**
 * 计提折旧 of a month, dated its last day: every fixed asset in use, or only
 * `assetIds`. Assets depreciated by units of work need their `usage`.
 */
export const ChargeDepreciationInput = struct(
  'a depreciation run',
  { organizationId: Id, month: Month },
  { usage: arrayOf(Usage), assetIds: arrayOf(Id), ...voucherNo },
);

/** 资产评估 or 清产核资 调整 against 311 公积公益金 (or `reserveAccount`). */
export const RevalueFixedAssetInput = struct(
  'a revaluation',
  { organizationId: Id, assetId: Id, revaluedOn: IsoDate, change: Yuan, reason: RevaluationReason },
  { reserveAccount: AccountCode, ...voucherNo },
);

/** 用途转换 to `to`; the cost account defaults to 15101 / 15102, the depreciation account stays. */
export const ReclassifyFixedAssetInput = struct(
  'a reclassification',
  { organizationId: Id, assetId: Id, reclassifiedOn: IsoDate, to: AssetCategory, chargeAccount: AccountCode, reason: NonEmptyString },
  { costAccount: AccountCode, depreciationAccount: AccountCode, ...voucherNo },
);

/**
 * 固定资产减少. A sale or scrapping goes through `clearingAccount` (154) with
 * its `proceeds` into `receivedInto` (102), the gain to `gainAccount` (504),
 * the loss to `lossAccount` (515); a transfer out or a stock-take loss writes
 * the net value off against `reserveAccount` (311).
 */
export const DisposeFixedAssetInput = struct(
  'a disposal',
  { organizationId: Id, assetId: Id, disposedOn: IsoDate, disposal: DisposalKind },
  {
    proceeds: NonNegativeYuan,
    receivedInto: AccountCode,
    clearingAccount: AccountCode,
    gainAccount: AccountCode,
    lossAccount: AccountCode,
    reserveAccount: AccountCode,
    ...voucherNo,
  },
);

/** 对外投资 (Dr `investmentAccount`, default 141; Cr `paidFrom`, default 102). */
export const MakeLongTermInvestmentInput = struct(
  'a long-term investment',
  { organizationId: Id, investmentId: Id, investee: NonEmptyString, madeOn: IsoDate, amount: PositiveYuan },
  { investmentAccount: AccountCode, paidFrom: AccountCode, ...voucherNo },
);

/** 收回投资; the difference from the amount invested goes to `incomeAccount` (502 投资收益). */
export const RecoverLongTermInvestmentInput = struct(
  'a recovered investment',
  { organizationId: Id, investmentId: Id, recoveredOn: IsoDate, proceeds: NonNegativeYuan },
  { receivedInto: AccountCode, incomeAccount: AccountCode, ...voucherNo },
);

export type RegisterResourceAssetInput = t.OutputOf<typeof RegisterResourceAssetInput>;
export type RecordResourceIncomeInput = t.OutputOf<typeof RecordResourceIncomeInput>;
export type AcquireFixedAssetInput = t.OutputOf<typeof AcquireFixedAssetInput>;
export type ChargeDepreciationInput = t.OutputOf<typeof ChargeDepreciationInput>;
export type RevalueFixedAssetInput = t.OutputOf<typeof RevalueFixedAssetInput>;
export type ReclassifyFixedAssetInput = t.OutputOf<typeof ReclassifyFixedAssetInput>;
export type DisposeFixedAssetInput = t.OutputOf<typeof DisposeFixedAssetInput>;
export type MakeLongTermInvestmentInput = t.OutputOf<typeof MakeLongTermInvestmentInput>;
export type RecoverLongTermInvestmentInput = t.OutputOf<typeof RecoverLongTermInvestmentInput>;

export type RegisterResourceAssetInputValue = t.TypeOf<typeof RegisterResourceAssetInput>;
export type RecordResourceIncomeInputValue = t.TypeOf<typeof RecordResourceIncomeInput>;
export type AcquireFixedAssetInputValue = t.TypeOf<typeof AcquireFixedAssetInput>;
export type ChargeDepreciationInputValue = t.TypeOf<typeof ChargeDepreciationInput>;
export type RevalueFixedAssetInputValue = t.TypeOf<typeof RevalueFixedAssetInput>;
export type ReclassifyFixedAssetInputValue = t.TypeOf<typeof ReclassifyFixedAssetInput>;
export type DisposeFixedAssetInputValue = t.TypeOf<typeof DisposeFixedAssetInput>;
export type MakeLongTermInvestmentInputValue = t.TypeOf<typeof MakeLongTermInvestmentInput>;
export type RecoverLongTermInvestmentInputValue = t.TypeOf<typeof RecoverLongTermInvestmentInput>;
