import type { ResourceKind } from '../domain/assets/kinds.js';
import { Area } from '../money/area.js';
import { Money } from '../money/money.js';
import { RESOURCE_KINDS } from './asset-composition.js';
import { assetsOf, groupsOf, type AssetsState, type VillageGroup } from './assets-projection.js';
import type { Window } from './balances.js';
import type { Scope } from './organizations.js';

/** One resource and what it earned in the window. */
export interface ResourceIncomeRow {
  readonly villageId: string;
  readonly assetId: string;
  readonly name: string;
  readonly kind: ResourceKind;
  readonly area: Area;
  readonly identifiedBy: 'register' | 'stock-take';
  readonly registeredOn: string;
  /** Found by a stock-take on or after `since`: 新增资源性资产. */
  readonly newlyIdentified: boolean;
  readonly income: Money;
}

export interface ResourceIncomeTotals {
  readonly resources: number;
  readonly area: Area;
  readonly income: Money;
}

/** 资源性资产收入 of a group of villages: in all, by kind, and the part from resources newly identified. */
export interface ResourceIncome {
  readonly villages: number;
  readonly total: ResourceIncomeTotals;
  readonly byKind: readonly (ResourceIncomeTotals & { readonly kind: ResourceKind })[];
  readonly newlyIdentified: ResourceIncomeTotals;
}

const totalsOf = (rows: readonly ResourceIncomeRow[]): ResourceIncomeTotals => ({
  resources: rows.length,
  area: rows.reduce((a, r) => a.plus(r.area), Area.zero),
  income: Money.sum(rows.map((r) => r.income)),
});

const rowsOf = (state: AssetsState, group: VillageGroup, since: string): ResourceIncomeRow[] =>
  group.villages.flatMap(({ organizationId }) => {
    const { register, resourceIncome } = assetsOf(state, organizationId);
    return [...register.resources.values()].map((r) => ({
      villageId: organizationId,
      assetId: r.assetId,
      name: r.name,
      kind: r.kind,
      area: r.area,
      identifiedBy: r.identifiedBy,
      registeredOn: r.registeredOn,
      newlyIdentified: r.identifiedBy === 'stock-take' && r.registeredOn >= since,
      income: Money.fromFen(resourceIncome.get(r.assetId) ?? 0n),
    }));
  });

const incomeOf = (rows: readonly ResourceIncomeRow[], villages: number): ResourceIncome => ({
  villages,
  total: totalsOf(rows),
  byKind: RESOURCE_KINDS.map((kind) => ({ kind, ...totalsOf(rows.filter((r) => r.kind === kind)) })),
  newlyIdentified: totalsOf(rows.filter((r) => r.newlyIdentified)),
});

export interface ResourceIncomeGroup {
  readonly id: string | undefined;
  readonly code: string | undefined;
  readonly name: string | undefined;
  readonly income: ResourceIncome;
}

export interface ResourceIncomeReport {
  readonly window: Window;
  /** Resources found by a stock-take on or after this date count as newly identified. */
  readonly since: string;
  readonly total: ResourceIncomeGroup;
  readonly townships: readonly ResourceIncomeGroup[];
  /** Every resource of the scope, by village then registration order. */
  readonly resources: readonly ResourceIncomeRow[];
}

/**
 * 资源性资产收入 of the window: what the resources of the scope earned
 * (`ResourceIncomeRecorded`, each posted to 501 or 504), in all, by kind and by
 * township, and the part earned by resources a stock-take found on or after
 * `since` (新增资源性资产).
 */
export const resourceIncomeReportOf = (state: AssetsState, scope: Scope, window: Window, since: string = window.from): ResourceIncomeReport => {
  const groups = groupsOf(state, scope);
  const named = (group: VillageGroup): ResourceIncomeGroup => ({
    id: group.node?.organizationId,
    code: group.node?.code,
    name: group.node?.name,
    income: incomeOf(rowsOf(state, group, since), group.villages.length),
  });
  return {
    window,
    since,
    total: named(groups.total),
    townships: groups.townships.map(named),
    resources: rowsOf(state, groups.total, since),
  };
};
