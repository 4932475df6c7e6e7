import type { AssetEvent, FixedAssetDisposed, FixedAssetRevalued } from '../domain/assets/events.js';
import { assetEventTypes } from '../domain/assets/events.js';
import { RegisterDraft, applyAssetEvent, emptyRegister, netValueOf, type AssetRegister } from '../domain/assets/asset-register.js';
import type { DecodedEvent, EventMetadata } from '../kernel/event.js';
import { PersistentMap } from '../kernel/persistent-map.js';
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
  readonly transfersIn: bigint;
  readonly subsidies: bigint;
  readonly donations: bigint;
  readonly stockTakeGains: bigint;
  readonly revaluationGains: bigint;
  readonly transfersOut: bigint;
  readonly stockTakeLosses: bigint;
  readonly revaluationLosses: bigint;
  readonly forceMajeure: bigint;
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
  readonly resourceIncome: ReadonlyMap<string, bigint>;
}

/** A village's assets as the projection keeps them: each event a new value sharing the rest. */
export interface VillageAssetsState extends VillageAssets {
  readonly resourceIncome: PersistentMap<string, bigint>;
}

/** Every village's assets, by village id. */
export type AssetsByVillage = PersistentMap<string, VillageAssetsState>;

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

const NO_ASSETS: VillageAssetsState = { register: emptyRegister(), factors: noFactors(), resourceIncome: PersistentMap.empty() };

/** What an event inside the window adds to the village's factors and resource income. */
const inWindow = (village: VillageAssetsState, event: AssetEvent): VillageAssetsState => {
  const factor = factorOf(event);
  const factors = factor === undefined ? village.factors : { ...village.factors, [factor[0]]: village.factors[factor[0]] + factor[1] };
  if (event.type !== 'ResourceIncomeRecorded') return factors === village.factors ? village : { ...village, factors };
  const { assetId, amount } = event.data;
  return { ...village, factors, resourceIncome: village.resourceIncome.set(assetId, (village.resourceIncome.get(assetId) ?? 0n) + amount.toFen()) };
};

const isWithin = (window: Window, { occurredOn }: EventMetadata): boolean => occurredOn >= window.from && occurredOn <= window.to;

/** A village through a batch: its register in a draft, its factors and resource income as they stand. */
interface VillageInBatch {
  readonly register: RegisterDraft;
  village: VillageAssetsState;
}

/** A batch of events folded into working copies of each village they touch, then set into the state once. */
const applyBatch = (window: Window, state: AssetsByVillage, events: readonly DecodedEvent<AssetEvent>[]): AssetsByVillage => {
  const touched = new Map<string, VillageInBatch>();
  for (const { event, metadata } of events) {
    const id = event.data.organizationId;
    let working = touched.get(id);
    if (working === undefined) {
      const village = state.get(id) ?? NO_ASSETS;
      touched.set(id, (working = { register: new RegisterDraft(village.register), village }));
    }
    working.register.apply(event);
    if (isWithin(window, metadata)) working.village = inWindow(working.village, event);
  }
  let next = state;
  for (const [id, { register, village }] of touched) next = next.set(id, { register: register.register(), factors: village.factors, resourceIncome: village.resourceIncome });
  return next;
};

/**
 * Every village's asset register (资产台账) up to the end of the window, and
 * the objective factors and resource income of the events inside it. Replay
 * it up to `window.to`. Each event gives a new state sharing the rest; a
 * batch of events, one new state.
 */
export const assetActivity = (window: Window): Projection<AssetsByVillage, AssetEvent> => ({
  name: `asset-activity ${window.from}..${window.to}`,
  handles: assetEventTypes,
  init: () => PersistentMap.empty(),
  apply: (state, { event, metadata }) => {
    const within = isWithin(window, metadata);
    return state.update(event.data.organizationId, (before = NO_ASSETS) => {
      // A plain literal: Node 20 builds `{ ...before, register }` several times slower, once per event.
      const village: VillageAssetsState = { register: applyAssetEvent(before.register, event), factors: before.factors, resourceIncome: before.resourceIncome };
      return within ? inWindow(village, event) : village;
    });
  },
  applyAll: (state, events) => applyBatch(window, state, events),
});
