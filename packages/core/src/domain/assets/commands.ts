import type {
  RegisterResourceAssetInputValue,
  RecordResourceIncomeInputValue,
  AcquireFixedAssetInputValue,
  ChargeDepreciationInputValue,
  RevalueFixedAssetInputValue,
  ReclassifyFixedAssetInputValue,
  DisposeFixedAssetInputValue,
  MakeLongTermInvestmentInputValue,
  RecoverLongTermInvestmentInputValue,
} from './inputs.js';

/** The inputs by command type. */
export interface AssetInputs {
  readonly RegisterResourceAsset: RegisterResourceAssetInputValue;
  readonly RecordResourceIncome: RecordResourceIncomeInputValue;
  readonly AcquireFixedAsset: AcquireFixedAssetInputValue;
  readonly ChargeDepreciation: ChargeDepreciationInputValue;
  readonly RevalueFixedAsset: RevalueFixedAssetInputValue;
  readonly ReclassifyFixedAsset: ReclassifyFixedAssetInputValue;
  readonly DisposeFixedAsset: DisposeFixedAssetInputValue;
  readonly MakeLongTermInvestment: MakeLongTermInvestmentInputValue;
  readonly RecoverLongTermInvestment: RecoverLongTermInvestmentInputValue;
}
