import { Dec } from '../../money/decimal.js';
import type { Area } from '../../money/area.js';
import { Money } from '../../money/money.js';
import type { Rate } from '../../money/rate.js';
import { basisOf, monthlyOf, remainingOf, residualOf } from './depreciation.js';
import type { AssetEvent, DepreciationCharged, FixedAssetAcquired, FixedAssetReclassified, FixedAssetRevalued, FixedAssetDisposed } from './events.js';
import type { AcquisitionKind, AssetCategory, DepreciationMethod, DisposalKind, IdentifiedBy, ResourceKind } from './kinds.js';
import { monthOf } from './months.js';

/** 资源性资产: a resource on the register. */
export interface ResourceRecord {
  readonly assetId: string;
  readonly name: string;
  readonly kind: ResourceKind;
  readonly area: Area;
  readonly bookValue: Money | undefined;
  readonly registeredOn: string;
  readonly identifiedBy: IdentifiedBy;
}

/** 固定资产卡片: a fixed asset, its figures in fen, as the register holds it now. */
export interface FixedAssetRecord {
  readonly assetId: string;
  readonly name: string;
  category: AssetCategory;
  readonly acquisition: AcquisitionKind;
  readonly acquiredOn: string;
  cost: bigint;
  residual: bigint;
  readonly residualRate: Rate;
  accumulated: bigint;
  readonly usefulLifeMonths: number;
  monthsCharged: number;
  monthly: bigint;
  readonly method: DepreciationMethod;
  readonly totalUnits: Dec | undefined;
  unitsUsed: Dec;
  /** The last month charged; before any charge, the month of acquisition (charges start the month after). */
  lastMonth: string;
  costAccount: string;
  depreciationAccount: string;
  chargeAccount: string;
  disposedOn: string | undefined;
  disposal: DisposalKind | undefined;
}

/** 长期投资 on the register, its amount in fen. */
export interface InvestmentRecord {
  readonly investmentId: string;
  readonly investee: string;
  readonly madeOn: string;
  readonly amount: bigint;
  readonly investmentAccount: string;
  recoveredOn: string | undefined;
}

/** 资产台账 of one village: every asset ever recorded, by id (ids are never reused). */
export interface AssetRegister {
  readonly resources: Map<string, ResourceRecord>;
  readonly fixed: Map<string, FixedAssetRecord>;
  readonly investments: Map<string, InvestmentRecord>;
}

export const emptyRegister = (): AssetRegister => ({ resources: new Map(), fixed: new Map(), investments: new Map() });

const fixedRecordOf = ({ data }: FixedAssetAcquired): FixedAssetRecord => {
  const opening =
    data.openingDepreciation === undefined && data.openingMonths === undefined
      ? undefined
      : { depreciation: data.openingDepreciation ?? Money.zero, months: data.openingMonths ?? 0 };
  const basis = basisOf(data.cost.toFen(), data.residualRate, data.usefulLifeMonths, opening);
  return {
    ...basis,
    assetId: data.assetId,
    name: data.name,
    category: data.category,
    acquisition: data.acquisition,
    acquiredOn: data.acquiredOn,
    residualRate: data.residualRate,
    method: data.method,
    totalUnits: data.totalUnits,
    unitsUsed: data.openingUnits ?? new Dec(0),
    lastMonth: monthOf(data.acquiredOn),
    costAccount: data.costAccount,
    depreciationAccount: data.depreciationAccount,
    chargeAccount: data.chargeAccount,
    disposedOn: undefined,
    disposal: undefined,
  };
};

/** After a revaluation the cost and residual value change, and what is left is spread over the months left. */
const revalue = (asset: FixedAssetRecord, change: bigint): void => {
  asset.cost += change;
  asset.residual = residualOf(asset.cost, asset.residualRate);
  asset.monthly = monthlyOf(remainingOf(asset), asset.usefulLifeMonths - asset.monthsCharged);
};

const charge = (asset: FixedAssetRecord, { amount, units, month }: DepreciationCharged['data']): void => {
  asset.accumulated += amount.toFen();
  asset.monthsCharged += 1;
  if (units !== undefined) asset.unitsUsed = asset.unitsUsed.plus(units);
  asset.lastMonth = month;
};

const reclassify = (asset: FixedAssetRecord, { to, costAccount, depreciationAccount, chargeAccount }: FixedAssetReclassified['data']): void => {
  asset.category = to;
  asset.costAccount = costAccount;
  asset.depreciationAccount = depreciationAccount;
  asset.chargeAccount = chargeAccount;
};

const fixedEvent = (register: AssetRegister, event: FixedAssetEvent): void => {
  const asset = register.fixed.get(event.data.assetId);
  if (asset === undefined) return; // the decider refuses events of unknown assets
  switch (event.type) {
    case 'DepreciationCharged':
      charge(asset, event.data);
      return;
    case 'FixedAssetRevalued':
      revalue(asset, event.data.change.toFen());
      return;
    case 'FixedAssetReclassified':
      reclassify(asset, event.data);
      return;
    case 'FixedAssetDisposed':
      asset.disposedOn = event.data.disposedOn;
      asset.disposal = event.data.disposal;
      return;
  }
};

type FixedAssetEvent = DepreciationCharged | FixedAssetRevalued | FixedAssetReclassified | FixedAssetDisposed;

/**
 * Fold one asset event into a register, in place: a register is only ever
 * built forward from `emptyRegister()` (by the decider for one decision, or by
 * a projection over a whole store), and copying a village's records per event
 * would make a ten-year depreciation history quadratic.
 */
export const applyAssetEvent = (register: AssetRegister, event: AssetEvent): AssetRegister => {
  switch (event.type) {
    case 'ResourceAssetRegistered': {
      const { assetId, name, kind, area, bookValue, registeredOn, identifiedBy } = event.data;
      register.resources.set(assetId, { assetId, name, kind, area, bookValue, registeredOn, identifiedBy });
      break;
    }
    case 'FixedAssetAcquired':
      register.fixed.set(event.data.assetId, fixedRecordOf(event));
      break;
    case 'LongTermInvestmentMade': {
      const { investmentId, investee, madeOn, amount, investmentAccount } = event.data;
      register.investments.set(investmentId, { investmentId, investee, madeOn, amount: amount.toFen(), investmentAccount, recoveredOn: undefined });
      break;
    }
    case 'LongTermInvestmentRecovered': {
      const investment = register.investments.get(event.data.investmentId);
      if (investment !== undefined) investment.recoveredOn = event.data.recoveredOn;
      break;
    }
    case 'ResourceIncomeRecorded':
      break; // income is the ledger's; the register keeps the resource
    case 'DepreciationCharged':
    case 'FixedAssetRevalued':
    case 'FixedAssetReclassified':
    case 'FixedAssetDisposed':
      fixedEvent(register, event);
  }
  return register;
};

/** A fresh register folded from events in order. */
export const registerOf = (events: Iterable<AssetEvent>): AssetRegister => {
  const register = emptyRegister();
  for (const event of events) applyAssetEvent(register, event);
  return register;
};

/** Net book value (账面净值): cost less accumulated depreciation. */
export const netValueOf = (asset: Pick<FixedAssetRecord, 'cost' | 'accumulated'>): bigint => asset.cost - asset.accumulated;
