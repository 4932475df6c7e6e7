import type { AssetEvent, FixedAssetDisposed, FixedAssetRevalued } from '../domain/assets/events.js';
import { assetEventTypes } from '../domain/assets/events.js';
import { applyAssetEvent, emptyRegister, netValueOf, type AssetRegister } from '../domain/assets/asset-register.js';
import type { Projection } from '../kernel/projection.js';
import type { Window } from './balances.js';

/**
 * 资产保值增值的客观因素: what changed owners' equity without being earned or
 * lost by running the collective, in fen. Increases: capital injected (read
 * from 301 in the ledger, not here), free transfers in, subsidies forming
 * assets, donations, stock-take gains, revaluation gains. Decreases: free
 * transfers out, stock-take losses, revaluation losses, force majeure.
 */
export interface ObjectiveFactors {
  transfersIn: bigint;
  subsidies: bigint;
  donations: bigint;
  stockTakeGains: bigint;
  revaluationGains: bigint;
  transfersOut: bigint;
  stockTakeLosses: bigint;
  revaluationLosses: bigint;
  forceMajeure: bigint;
}

export const noFactors = (): ObjectiveFactors => ({
  transfersIn: 0n,
  subsidies: 0n,
  donations: 0n,
  stockTakeGains: 0n,
  revaluationGains: 0n,
  transfersOut: 0n,
  stockTakeLosses: 0n,
  revaluationLosses: 0n,
  forceMajeure: 0n,
});

/** One village's asset register, and what its asset events did inside the window. */
export interface VillageAssets {
  readonly register: AssetRegister;
  readonly factors: ObjectiveFactors;
  /** Income from each resource inside the window, by resource id. */
  readonly resourceIncome: Map<string, bigint>;
}

/** Every village's assets, by village id. */
export type AssetsByVillage = Map<string, VillageAssets>;

const ACQUIRED: Partial<Record<string, keyof ObjectiveFactors>> = {
  'transfer-in': 'transfersIn',
  subsidy: 'subsidies',
  donation: 'donations',
  'stock-take-surplus': 'stockTakeGains',
};

type Factor = readonly [keyof ObjectiveFactors, bigint] | undefined;

const revaluationFactor = ({ data }: FixedAssetRevalued): Factor => {
  const change = data.change.toFen();
  const stockTake = data.reason === 'stock-take';
  if (change > 0n) return [stockTake ? 'stockTakeGains' : 'revaluationGains', change];
  return [stockTake ? 'stockTakeLosses' : 'revaluationLosses', -change];
};

const disposalFactor = ({ data }: FixedAssetDisposed): Factor => {
  const net = netValueOf({ cost: data.cost.toFen(), accumulated: data.accumulated.toFen() });
  if (data.disposal === 'transfer-out') return ['transfersOut', net];
  if (data.disposal === 'stock-take-loss') return ['stockTakeLosses', net];
  const loss = net - data.proceeds.toFen();
  return data.disposal === 'force-majeure' && loss > 0n ? ['forceMajeure', loss] : undefined;
};

/** The objective factor an event is, with its amount, if it is one. */
const factorOf = (event: AssetEvent): Factor => {
  if (event.type === 'FixedAssetAcquired') {
    const factor = ACQUIRED[event.data.acquisition];
    return factor === undefined ? undefined : [factor, event.data.cost.toFen()];
  }
  if (event.type === 'FixedAssetRevalued') return revaluationFactor(event);
  if (event.type === 'FixedAssetDisposed') return disposalFactor(event);
  return undefined;
};

const villageOf = (state: AssetsByVillage, villageId: string): VillageAssets => {
  let village = state.get(villageId);
  if (village === undefined) state.set(villageId, (village = { register: emptyRegister(), factors: noFactors(), resourceIncome: new Map() }));
  return village;
};

/**
 * Every village's asset register (资产台账) up to the end of the window, and
 * the objective factors and resource income of the events inside it. Replay
 * it up to `window.to`. The state is extended in place (the runner owns it).
 */
export const assetActivity = (window: Window): Projection<AssetsByVillage, AssetEvent> => ({
  name: `asset-activity ${window.from}..${window.to}`,
  handles: assetEventTypes,
  init: () => new Map(),
  apply: (state, { event, metadata }) => {
    const village = villageOf(state, event.data.organizationId);
    applyAssetEvent(village.register, event);
    if (metadata.occurredOn < window.from || metadata.occurredOn > window.to) return state;
    const factor = factorOf(event);
    if (factor !== undefined) village.factors[factor[0]] += factor[1];
    if (event.type === 'ResourceIncomeRecorded') {
      const { assetId, amount } = event.data;
      village.resourceIncome.set(assetId, (village.resourceIncome.get(assetId) ?? 0n) + amount.toFen());
    }
    return state;
  },
});
