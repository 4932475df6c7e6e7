import type { ResourceKind } from '../domain/assets/kinds.js';
import { ResourceKind as ResourceKindCodec } from '../domain/assets/kinds.js';
import { netValueOf } from '../domain/assets/asset-register.js';
import { rootCodeOf } from '../domain/ledger/chart/index.js';
import { Area } from '../money/area.js';
import { Money } from '../money/money.js';
import { Rate } from '../money/rate.js';
import { assetsOf, groupsOf, type AssetsState, type VillageGroup } from './assets-projection.js';
import { closingBalance, type Window } from './balances.js';
import { balanceSheet } from './balance-sheet.js';
import type { Scope } from './organizations.js';

export const RESOURCE_KINDS = Object.keys(ResourceKindCodec.keys) as ResourceKind[];

/** Resources of one kind: how many, their area in mu, their book value, and those found by a stock-take. */
export interface ResourceKindLine {
  readonly kind: ResourceKind;
  readonly count: number;
  readonly area: Area;
  readonly bookValue: Money;
  readonly newlyIdentified: { readonly count: number; readonly area: Area };
}

/** Fixed assets of a category in use on the date: how many, cost (原值), accumulated depreciation and net value. */
export interface FixedAssetLine {
  readonly count: number;
  readonly cost: Money;
  readonly accumulated: Money;
  readonly net: Money;
}

/** 资产构成 of a group of villages on a date. Shares are of total assets; `undefined` when there are none. */
export interface AssetComposition {
  readonly villages: number;
  readonly resources: { readonly byKind: readonly ResourceKindLine[]; readonly total: Omit<ResourceKindLine, 'kind'> };
  readonly fixedAssets: { readonly operating: FixedAssetLine; readonly nonOperating: FixedAssetLine; readonly total: FixedAssetLine };
  readonly longTermInvestments: { readonly count: number; readonly amount: Money };
  /** 资产总计 of the balance sheet on the date: every asset account, net of its contra accounts. */
  readonly totalAssets: Money;
  /** Total assets less the net fixed assets and the long-term investments of the register. */
  readonly otherAssets: Money;
  readonly shares: {
    readonly operatingFixedAssets: Rate | undefined;
    readonly nonOperatingFixedAssets: Rate | undefined;
    readonly longTermInvestments: Rate | undefined;
    readonly otherAssets: Rate | undefined;
  };
  /** The same figures in the ledger (151 cost, 152 accumulated depreciation, 141 investments), and whether the register agrees. */
  readonly ledger: { readonly fixedAssetsCost: Money; readonly accumulatedDepreciation: Money; readonly longTermInvestments: Money; readonly agrees: boolean };
}

interface Sums {
  fixed: Record<'operating' | 'non-operating', { count: number; cost: bigint; accumulated: bigint }>;
  resources: Map<ResourceKind, { count: number; area: Area; bookValue: bigint; newCount: number; newArea: Area }>;
  investments: { count: number; amount: bigint };
  ledger: { cost: bigint; accumulated: bigint; investments: bigint };
}

const emptySums = (): Sums => ({
  fixed: { operating: { count: 0, cost: 0n, accumulated: 0n }, 'non-operating': { count: 0, cost: 0n, accumulated: 0n } },
  resources: new Map(RESOURCE_KINDS.map((kind) => [kind, { count: 0, area: Area.zero, bookValue: 0n, newCount: 0, newArea: Area.zero }])),
  investments: { count: 0, amount: 0n },
  ledger: { cost: 0n, accumulated: 0n, investments: 0n },
});

const addRegister = (sums: Sums, state: AssetsState, villageId: string): void => {
  const { register } = assetsOf(state, villageId);
  for (const asset of register.fixed.values()) {
    if (asset.disposedOn !== undefined) continue;
    const line = sums.fixed[asset.category];
    line.count += 1;
    line.cost += asset.cost;
    line.accumulated += asset.accumulated;
  }
  for (const resource of register.resources.values()) {
    const line = sums.resources.get(resource.kind);
    if (line === undefined) continue;
    line.count += 1;
    line.area = line.area.plus(resource.area);
    line.bookValue += resource.bookValue?.toFen() ?? 0n;
    if (resource.identifiedBy === 'stock-take') {
      line.newCount += 1;
      line.newArea = line.newArea.plus(resource.area);
    }
  }
  for (const investment of register.investments.values()) {
    if (investment.recoveredOn !== undefined) continue;
    sums.investments.count += 1;
    sums.investments.amount += investment.amount;
  }
};

const addLedger = (sums: Sums, state: AssetsState, villageId: string): void => {
  for (const [code, totals] of state.balances.get(villageId) ?? []) {
    const root = rootCodeOf(code);
    const balance = closingBalance(totals);
    if (root === '151') sums.ledger.cost += balance;
    else if (root === '152') sums.ledger.accumulated -= balance;
    else if (root === '141') sums.ledger.investments += balance;
  }
};

const fixedLine = ({ count, cost, accumulated }: { count: number; cost: bigint; accumulated: bigint }): FixedAssetLine => ({
  count,
  cost: Money.fromFen(cost),
  accumulated: Money.fromFen(accumulated),
  net: Money.fromFen(netValueOf({ cost, accumulated })),
});

const resourceLines = (sums: Sums): ResourceKindLine[] =>
  [...sums.resources].map(([kind, r]) => ({
    kind,
    count: r.count,
    area: r.area,
    bookValue: Money.fromFen(r.bookValue),
    newlyIdentified: { count: r.newCount, area: r.newArea },
  }));

const resourceTotal = (lines: readonly ResourceKindLine[]): Omit<ResourceKindLine, 'kind'> => ({
  count: lines.reduce((n, l) => n + l.count, 0),
  area: lines.reduce((a, l) => a.plus(l.area), Area.zero),
  bookValue: Money.sum(lines.map((l) => l.bookValue)),
  newlyIdentified: {
    count: lines.reduce((n, l) => n + l.newlyIdentified.count, 0),
    area: lines.reduce((a, l) => a.plus(l.newlyIdentified.area), Area.zero),
  },
});

/** The composition of a group of villages, from their registers and their balance sheet on `asOf`. */
const compositionOf = (state: AssetsState, group: VillageGroup, asOf: string): AssetComposition => {
  const sums = emptySums();
  for (const { organizationId } of group.villages) {
    addRegister(sums, state, organizationId);
    addLedger(sums, state, organizationId);
  }
  const operating = fixedLine(sums.fixed.operating);
  const nonOperating = fixedLine(sums.fixed['non-operating']);
  const total = fixedLine({
    count: operating.count + nonOperating.count,
    cost: sums.fixed.operating.cost + sums.fixed['non-operating'].cost,
    accumulated: sums.fixed.operating.accumulated + sums.fixed['non-operating'].accumulated,
  });
  const totalAssets = balanceSheet(group.villages.map((v) => state.balances.get(v.organizationId) ?? new Map()), asOf).assets.total.amount;
  const investments = Money.fromFen(sums.investments.amount);
  const otherAssets = totalAssets.minus(total.net).minus(investments);
  const share = (part: Money): Rate | undefined => Rate.ofOrUndefined(part, totalAssets);
  const byKind = resourceLines(sums);
  return {
    villages: group.villages.length,
    resources: { byKind, total: resourceTotal(byKind) },
    fixedAssets: { operating, nonOperating, total },
    longTermInvestments: { count: sums.investments.count, amount: investments },
    totalAssets,
    otherAssets,
    shares: { operatingFixedAssets: share(operating.net), nonOperatingFixedAssets: share(nonOperating.net), longTermInvestments: share(investments), otherAssets: share(otherAssets) },
    ledger: {
      fixedAssetsCost: Money.fromFen(sums.ledger.cost),
      accumulatedDepreciation: Money.fromFen(sums.ledger.accumulated),
      longTermInvestments: Money.fromFen(sums.ledger.investments),
      agrees: sums.ledger.cost === total.cost.toFen() && sums.ledger.accumulated === total.accumulated.toFen() && sums.ledger.investments === sums.investments.amount,
    },
  };
};

export interface AssetCompositionGroup {
  readonly id: string | undefined;
  readonly code: string | undefined;
  readonly name: string | undefined;
  readonly composition: AssetComposition;
}

/** 集体资产构成 on a date: the scope as a whole, each township and each village. */
export interface AssetsReport {
  readonly asOf: string;
  readonly total: AssetCompositionGroup;
  readonly townships: readonly AssetCompositionGroup[];
  readonly villages: readonly AssetCompositionGroup[];
}

const named = (state: AssetsState, group: VillageGroup, asOf: string): AssetCompositionGroup => ({
  id: group.node?.organizationId,
  code: group.node?.code,
  name: group.node?.name,
  composition: compositionOf(state, group, asOf),
});

/**
 * The asset composition of a scope at the end of `window`: resource assets
 * by kind (count, mu, book value, newly identified), fixed assets operating and
 * non-operating at cost, accumulated depreciation and net, long-term
 * investments, total assets from the balance sheet, the share of each part,
 * and whether the register agrees with the ledger's 151, 152 and 141.
 */
export const assetsReportOf = (state: AssetsState, scope: Scope, window: Window): AssetsReport => {
  const groups = groupsOf(state, scope);
  return {
    asOf: window.to,
    total: named(state, groups.total, window.to),
    townships: groups.townships.map((g) => named(state, g, window.to)),
    villages: groups.villages.map((g) => named(state, g, window.to)),
  };
};
