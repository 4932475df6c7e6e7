import { assetImpliedLines } from './implied-lines.js';
import type { SubLedger } from '../ledger/sub-ledger.js';
import { applyAssetEvent, emptyRegister, type AssetRegister } from './asset-register.js';
import { CarriedAssets } from './carry.js';
import type { AssetInputs } from './commands.js';
import { acquireFixedAsset } from './decide-acquisition.js';
import { disposeFixedAsset, reclassifyFixedAsset, revalueFixedAsset } from './decide-changes.js';
import { chargeDepreciation } from './decide-depreciation.js';
import { makeLongTermInvestment, recordResourceIncome, recoverLongTermInvestment, registerResourceAsset } from './decide-other.js';
import type { Decided, DecisionContext } from './decision.js';
import { assetError, type AssetError } from './errors.js';
import { assetEventTypes, type AssetEvent } from './events.js';
import { monthOf } from './months.js';

/** An asset operation as the sub-ledger decides it: its type and its valid input. */
export type AssetOperation = {
  readonly [K in keyof AssetInputs]: { readonly type: K; readonly input: AssetInputs[K] };
}[keyof AssetInputs];

const decideFor = (operation: AssetOperation, context: DecisionContext): Decided => {
  switch (operation.type) {
    case 'RegisterResourceAsset':
      return registerResourceAsset(operation.input, context);
    case 'RecordResourceIncome':
      return recordResourceIncome(operation.input, context);
    case 'AcquireFixedAsset':
      return acquireFixedAsset(operation.input, context);
    case 'ChargeDepreciation':
      return chargeDepreciation(operation.input, context);
    case 'RevalueFixedAsset':
      return revalueFixedAsset(operation.input, context);
    case 'ReclassifyFixedAsset':
      return reclassifyFixedAsset(operation.input, context);
    case 'DisposeFixedAsset':
      return disposeFixedAsset(operation.input, context);
    case 'MakeLongTermInvestment':
      return makeLongTermInvestment(operation.input, context);
    case 'RecoverLongTermInvestment':
      return recoverLongTermInvestment(operation.input, context);
  }
};

const taken = (register: AssetRegister, id: string): boolean => register.resources.has(id) || register.fixed.has(id) || register.investments.has(id);

type FixedAssetChange = Extract<AssetEvent, { type: 'DepreciationCharged' | 'FixedAssetRevalued' | 'FixedAssetReclassified' | 'FixedAssetDisposed' }>;

/** The business date of a change to an asset's card, if the event is one. */
const changeDateOf = (event: FixedAssetChange): string | undefined => {
  switch (event.type) {
    case 'DepreciationCharged':
      return undefined;
    case 'FixedAssetRevalued':
      return event.data.revaluedOn;
    case 'FixedAssetReclassified':
      return event.data.reclassifiedOn;
    case 'FixedAssetDisposed':
      return event.data.disposedOn;
  }
};

const fixedAssetProblem = (register: AssetRegister, event: FixedAssetChange): string | undefined => {
  const asset = register.fixed.get(event.data.assetId);
  if (asset === undefined) return `${event.data.assetId} is not a fixed asset on the register`;
  if (asset.disposedOn !== undefined) return `${event.data.assetId} was disposed of on ${asset.disposedOn}`;
  if (event.type === 'DepreciationCharged' && event.data.month <= monthOf(asset.acquiredOn)) {
    return `${event.data.assetId} was acquired on ${asset.acquiredOn}, its depreciation starts the month after; the charge is for ${event.data.month}`;
  }
  const changedOn = changeDateOf(event);
  if (changedOn !== undefined && changedOn < asset.acquiredOn) return `${event.data.assetId} was acquired on ${asset.acquiredOn}, after ${changedOn}`;
  if (event.type === 'DepreciationCharged' && event.data.month <= asset.lastMonth) {
    return `${event.data.assetId} is depreciated through ${asset.lastMonth} already, the charge is for ${event.data.month}`;
  }
  return undefined;
};

const recoveryProblem = (register: AssetRegister, investmentId: string): string | undefined => {
  const investment = register.investments.get(investmentId);
  if (investment === undefined) return `${investmentId} is not an investment on the register`;
  return investment.recoveredOn === undefined ? undefined : `${investmentId} was recovered on ${investment.recoveredOn}`;
};

const takenProblem = (register: AssetRegister, id: string): string | undefined => (taken(register, id) ? `${id} is already on the register` : undefined);

/** Whether an event recorded in the next year still applies to the register this close carries. */
const recheck = (register: AssetRegister, event: AssetEvent): string | undefined => {
  switch (event.type) {
    case 'ResourceAssetRegistered':
    case 'FixedAssetAcquired':
      return takenProblem(register, event.data.assetId);
    case 'LongTermInvestmentMade':
      return takenProblem(register, event.data.investmentId);
    case 'LongTermInvestmentRecovered':
      return recoveryProblem(register, event.data.investmentId);
    case 'ResourceIncomeRecorded':
      return register.resources.has(event.data.assetId) ? undefined : `${event.data.assetId} is not a resource on the register`;
    case 'DepreciationCharged':
    case 'FixedAssetRevalued':
    case 'FixedAssetReclassified':
    case 'FixedAssetDisposed':
      return fixedAssetProblem(register, event);
  }
};

/**
 * 资产台账 on the ledger year: resources, fixed assets and investments, each
 * operation with the voucher it implies (series 资-). The close carries the
 * whole register, so an operation reads its own year and the last close.
 */
export const assetSubLedger: SubLedger<AssetOperation, AssetEvent, AssetRegister, AssetError, AssetRegister> = {
  name: 'assets',
  series: '资-',
  eventTypes: assetEventTypes,
  carried: CarriedAssets,
  open: (carried) => carried ?? emptyRegister(),
  carry: (register) => register,
  evolve: applyAssetEvent,
  decide: (operation, register, year) =>
    decideFor(operation, { organizationId: year.organizationId, register, chart: year.chart, date: year.date, voucherNo: year.voucherNo }),
  recheck,
  impliedLines: assetImpliedLines,
  voucherNoOf: (operation) => ('voucherNo' in operation.input ? operation.input.voucherNo : undefined),
  notVillage: (operation, found) =>
    assetError('ASSET_ORGANIZATION_NOT_VILLAGE', `organizationId: ${operation.input.organizationId} is ${found}; assets belong to a village`),
  yearClosed: (operation, year) =>
    assetError('ASSET_YEAR_CLOSED', `${year} is closed for ${operation.input.organizationId}: record it with a date in the open year`),
};
