import type { OrganizationKind } from '../organization/events.js';
import type { Chart } from '../ledger/chart/index.js';
import type { AssetEvent } from './events.js';
import * as inputs from './inputs.js';
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

/*
 * The decoded inputs under the names the deciders import them by: the public
 * `XInput` type (inputs.ts) is the plain-JSON form a caller sends.
 */
export const RegisterResourceAssetInput = inputs.RegisterResourceAssetInput;
export type RegisterResourceAssetInput = RegisterResourceAssetInputValue;
export const RecordResourceIncomeInput = inputs.RecordResourceIncomeInput;
export type RecordResourceIncomeInput = RecordResourceIncomeInputValue;
export const AcquireFixedAssetInput = inputs.AcquireFixedAssetInput;
export type AcquireFixedAssetInput = AcquireFixedAssetInputValue;
export const ChargeDepreciationInput = inputs.ChargeDepreciationInput;
export type ChargeDepreciationInput = ChargeDepreciationInputValue;
export const RevalueFixedAssetInput = inputs.RevalueFixedAssetInput;
export type RevalueFixedAssetInput = RevalueFixedAssetInputValue;
export const ReclassifyFixedAssetInput = inputs.ReclassifyFixedAssetInput;
export type ReclassifyFixedAssetInput = ReclassifyFixedAssetInputValue;
export const DisposeFixedAssetInput = inputs.DisposeFixedAssetInput;
export type DisposeFixedAssetInput = DisposeFixedAssetInputValue;
export const MakeLongTermInvestmentInput = inputs.MakeLongTermInvestmentInput;
export type MakeLongTermInvestmentInput = MakeLongTermInvestmentInputValue;
export const RecoverLongTermInvestmentInput = inputs.RecoverLongTermInvestmentInput;
export type RecoverLongTermInvestmentInput = RecoverLongTermInvestmentInputValue;

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

/**
 * What the decider sees: the valid input, its business date, and the facts
 * read from other streams: the organization's kind, the village's chart, and
 * the asset events of the years before (the register as the year opened).
 */
export type AssetCommand = {
  readonly [K in keyof AssetInputs]: {
    readonly type: K;
    readonly input: AssetInputs[K];
    readonly date: string;
    readonly organizationKind: OrganizationKind | undefined;
    readonly chart: Chart;
    readonly earlier: readonly AssetEvent[];
  };
}[keyof AssetInputs];
