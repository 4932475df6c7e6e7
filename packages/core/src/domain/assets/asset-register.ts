import { MapDraft } from '../../kernel/map-draft.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
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
  readonly category: AssetCategory;
  readonly acquisition: AcquisitionKind;
  readonly acquiredOn: string;
  readonly cost: bigint;
  readonly residual: bigint;
  readonly residualRate: Rate;
  readonly accumulated: bigint;
  readonly usefulLifeMonths: number;
  readonly monthsCharged: number;
  readonly monthly: bigint;
  readonly method: DepreciationMethod;
  readonly totalUnits: Dec | undefined;
  readonly unitsUsed: Dec;
  /** The last month charged; before any charge, the month of acquisition (charges start the month after). */
  readonly lastMonth: string;
  readonly costAccount: string;
  readonly depreciationAccount: string;
  readonly chargeAccount: string;
  readonly disposedOn: string | undefined;
  readonly disposal: DisposalKind | undefined;
}

/** 长期投资 on the register, its amount in fen. */
export interface InvestmentRecord {
  readonly investmentId: string;
  readonly investee: string;
  readonly madeOn: string;
  readonly amount: bigint;
  readonly investmentAccount: string;
  readonly recoveredOn: string | undefined;
}

/**
 * 资产台账 of one village: every asset ever recorded, by id (ids are never
 * reused). Immutable: each event gives a new register whose maps share all
 * but the changed record with the old one's, and a changed record is a new one.
 */
export interface AssetRegister {
  readonly resources: PersistentMap<string, ResourceRecord>;
  readonly fixed: PersistentMap<string, FixedAssetRecord>;
  readonly investments: PersistentMap<string, InvestmentRecord>;
}

const EMPTY: AssetRegister = { resources: PersistentMap.empty(), fixed: PersistentMap.empty(), investments: PersistentMap.empty() };

export const emptyRegister = (): AssetRegister => EMPTY;

const fixedRecordOf = ({ data }: FixedAssetAcquired): FixedAssetRecord => {
  const opening =
    data.openingDepreciation === undefined && data.openingMonths === undefined
      ? undefined
      : { depreciation: data.openingDepreciation ?? Money.zero, months: data.openingMonths ?? 0 };
  const { cost, residual, accumulated, usefulLifeMonths, monthsCharged, monthly } = basisOf(data.cost.toFen(), data.residualRate, data.usefulLifeMonths, opening);
  return {
    cost,
    residual,
    accumulated,
    usefulLifeMonths,
    monthsCharged,
    monthly,
    totalUnits: data.totalUnits,
    unitsUsed: data.openingUnits ?? new Dec(0),
    assetId: data.assetId,
    name: data.name,
    category: data.category,
    acquisition: data.acquisition,
    acquiredOn: data.acquiredOn,
    residualRate: data.residualRate,
    method: data.method,
    lastMonth: monthOf(data.acquiredOn),
    costAccount: data.costAccount,
    depreciationAccount: data.depreciationAccount,
    chargeAccount: data.chargeAccount,
    disposedOn: undefined,
    disposal: undefined,
  };
};

/** After a revaluation the cost and residual value change, and what is left is spread over the months left. */
const revalued = (asset: FixedAssetRecord, change: bigint): FixedAssetRecord => {
  const cost = asset.cost + change;
  const residual = residualOf(cost, asset.residualRate);
  const monthly = monthlyOf(remainingOf({ cost, residual, accumulated: asset.accumulated }), asset.usefulLifeMonths - asset.monthsCharged);
  return { ...asset, cost, residual, monthly };
};

/**
 * The card after a month's charge, written out field by field in the order
 * of `fixedRecordOf`: a replay makes one per charge, and Node 20 builds
 * `{ ...asset, accumulated }` several times slower than a plain literal.
 */
const charged = (a: FixedAssetRecord, { amount, units, month }: DepreciationCharged['data']): FixedAssetRecord => ({
  cost: a.cost,
  residual: a.residual,
  accumulated: a.accumulated + amount.toFen(),
  usefulLifeMonths: a.usefulLifeMonths,
  monthsCharged: a.monthsCharged + 1,
  monthly: a.monthly,
  totalUnits: a.totalUnits,
  unitsUsed: units === undefined ? a.unitsUsed : a.unitsUsed.plus(units),
  assetId: a.assetId,
  name: a.name,
  category: a.category,
  acquisition: a.acquisition,
  acquiredOn: a.acquiredOn,
  residualRate: a.residualRate,
  method: a.method,
  lastMonth: month,
  costAccount: a.costAccount,
  depreciationAccount: a.depreciationAccount,
  chargeAccount: a.chargeAccount,
  disposedOn: a.disposedOn,
  disposal: a.disposal,
});

const fixedAfter = (asset: FixedAssetRecord, event: FixedAssetEvent): FixedAssetRecord => {
  switch (event.type) {
    case 'DepreciationCharged':
      return charged(asset, event.data);
    case 'FixedAssetRevalued':
      return revalued(asset, event.data.change.toFen());
    case 'FixedAssetReclassified': {
      const { to, costAccount, depreciationAccount, chargeAccount } = event.data;
      return { ...asset, category: to, costAccount, depreciationAccount, chargeAccount };
    }
    case 'FixedAssetDisposed':
      return { ...asset, disposedOn: event.data.disposedOn, disposal: event.data.disposal };
  }
};

/** The register with its fixed assets replaced (a plain literal, as in `charged`). */
const withFixed = (register: AssetRegister, fixed: AssetRegister['fixed']): AssetRegister => ({ resources: register.resources, fixed, investments: register.investments });

const fixedEvent = (register: AssetRegister, event: FixedAssetEvent): AssetRegister => {
  // An unknown asset leaves the register as it is: the decider refuses events of unknown assets.
  const fixed = register.fixed.adjust(event.data.assetId, (asset) => fixedAfter(asset, event));
  return fixed === register.fixed ? register : withFixed(register, fixed);
};

type FixedAssetEvent = DepreciationCharged | FixedAssetRevalued | FixedAssetReclassified | FixedAssetDisposed;

const recovered = (register: AssetRegister, investmentId: string, recoveredOn: string): AssetRegister => {
  const investment = register.investments.get(investmentId);
  return investment === undefined ? register : { ...register, investments: register.investments.set(investmentId, { ...investment, recoveredOn }) };
};

/** Fold one asset event into a register: a new register, the one given left as it was. */
export const applyAssetEvent = (register: AssetRegister, event: AssetEvent): AssetRegister => {
  switch (event.type) {
    case 'ResourceAssetRegistered': {
      const { assetId, name, kind, area, bookValue, registeredOn, identifiedBy } = event.data;
      return { ...register, resources: register.resources.set(assetId, { assetId, name, kind, area, bookValue, registeredOn, identifiedBy }) };
    }
    case 'FixedAssetAcquired':
      return withFixed(register, register.fixed.set(event.data.assetId, fixedRecordOf(event)));
    case 'LongTermInvestmentMade': {
      const { investmentId, investee, madeOn, amount, investmentAccount } = event.data;
      const investment = { investmentId, investee, madeOn, amount: amount.toFen(), investmentAccount, recoveredOn: undefined };
      return { ...register, investments: register.investments.set(investmentId, investment) };
    }
    case 'LongTermInvestmentRecovered':
      return recovered(register, event.data.investmentId, event.data.recoveredOn);
    case 'ResourceIncomeRecorded':
      return register; // income is the ledger's; the register keeps the resource
    case 'DepreciationCharged':
    case 'FixedAssetRevalued':
    case 'FixedAssetReclassified':
    case 'FixedAssetDisposed':
      return fixedEvent(register, event);
  }
};

const isFixedAssetEvent = (event: AssetEvent): event is FixedAssetEvent =>
  event.type === 'DepreciationCharged' || event.type === 'FixedAssetRevalued' || event.type === 'FixedAssetReclassified' || event.type === 'FixedAssetDisposed';

/**
 * A register folded through a batch of events, to the register
 * `applyAssetEvent` one by one would give: the changes to fixed assets'
 * cards (the monthly charges, most of a replay) gathered in a draft, any
 * other event applied to the register as it then stands. The register given
 * is left as it is.
 */
export class RegisterDraft {
  private cards: MapDraft<string, FixedAssetRecord> | undefined;

  constructor(private current: AssetRegister) {}

  apply(event: AssetEvent): void {
    if (!isFixedAssetEvent(event)) {
      this.current = applyAssetEvent(this.register(), event);
      return;
    }
    const cards = (this.cards ??= new MapDraft(this.current.fixed));
    const asset = cards.get(event.data.assetId);
    if (asset !== undefined) cards.set(asset.assetId, fixedAfter(asset, event)); // unknown assets, as in fixedEvent
  }

  /** The register after the events applied so far. */
  register(): AssetRegister {
    if (this.cards !== undefined) {
      const fixed = this.cards.commit();
      if (fixed !== this.current.fixed) this.current = withFixed(this.current, fixed);
      this.cards = undefined;
    }
    return this.current;
  }
}

/** A fresh register folded from events in order. */
export const registerOf = (events: Iterable<AssetEvent>): AssetRegister => {
  let register = emptyRegister();
  for (const event of events) register = applyAssetEvent(register, event);
  return register;
};

/** Net book value (账面净值): cost less accumulated depreciation. */
export const netValueOf = (asset: Pick<FixedAssetRecord, 'cost' | 'accumulated'>): bigint => asset.cost - asset.accumulated;
