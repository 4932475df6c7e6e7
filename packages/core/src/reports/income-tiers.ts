import { rootCodeOf } from '../domain/ledger/chart/chart.js';
import { Money } from '../money/money.js';
import { Rate } from '../money/rate.js';
import type { Balances } from './balances.js';
import { BASIS_ACCOUNTS, checkThresholds, SHELL_LIMIT, type IncomeBasis } from './income-basis.js';
import { ancestorOfKind, districtOf, townshipsIn, villagesIn, type OrganizationNode, type OrganizationTree, type Scope } from './organizations.js';

/** What the income tiers are computed from: the organization tree and the year's account balances. */
export interface IncomeTiersInput {
  readonly tree: OrganizationTree;
  /** `accountBalances(yearWindow(year))`: only the voucher movements are read, never the closing entries. */
  readonly balances: Balances;
}

export interface IncomeTiersOptions {
  readonly year: number;
  readonly basis: IncomeBasis;
  /** Any order; refused when empty, negative or given twice. */
  readonly thresholds: readonly Money[];
  readonly scope?: Scope;
}

/** The highest threshold a village's income reaches (以上: the threshold included), or `'below'` the lowest. */
export type IncomeTier = Money | 'below';

export interface VillageIncome {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  /** Its township's id; `undefined` for a village directly under a district. */
  readonly township: string | undefined;
  readonly income: Money;
  readonly tier: IncomeTier;
  /** 薄弱村: below the lowest threshold. */
  readonly weak: boolean;
  /** 空壳村: no income, or under 50,000 yuan (a loss included). */
  readonly shell: boolean;
}

/** A count of villages and its share of the group's villages (`undefined` when the group has none). */
export interface TierCount {
  readonly count: number;
  readonly share: Rate | undefined;
}

export interface ThresholdCount extends TierCount {
  readonly threshold: Money;
}

/** The statistic of a district or township: how many of its villages reach each threshold. */
export interface TierGroup {
  /** The organization; `undefined` for a district roll-up when the villages are not in exactly one district. */
  readonly id: string | undefined;
  readonly code: string | undefined;
  readonly name: string | undefined;
  readonly villages: number;
  /** The villages' income added up. */
  readonly income: Money;
  /** Cumulative, ascending by threshold: a village of 1,200,000 counts at 100,000, 500,000 and 1,000,000. */
  readonly atOrAbove: readonly ThresholdCount[];
  readonly weak: TierCount;
  readonly shell: TierCount;
}

export interface IncomeTiers {
  readonly year: number;
  readonly basis: IncomeBasis;
  readonly accounts: readonly string[];
  /** Ascending. */
  readonly thresholds: readonly Money[];
  readonly shellLimit: Money;
  readonly villages: readonly VillageIncome[];
  readonly district: TierGroup;
  readonly townships: readonly TierGroup[];
}

/** Credits less debits of the basis accounts (and their sub-accounts) over the window; closing entries are left out. */
export const villageIncome = (balances: Balances, villageId: string, basis: IncomeBasis): Money => {
  const roots = new Set(BASIS_ACCOUNTS[basis]);
  let fen = 0n;
  for (const [account, totals] of balances.get(villageId) ?? []) {
    if (roots.has(rootCodeOf(account))) fen += totals.credit - totals.debit;
  }
  return Money.fromFen(fen);
};

/** The highest threshold `income` reaches; `thresholds` ascending. */
export const tierOf = (income: Money, thresholds: readonly Money[]): IncomeTier =>
  thresholds.reduce<IncomeTier>((tier, threshold) => (income.gte(threshold) ? threshold : tier), 'below');

const countOf = (count: number, of: number): TierCount => ({ count, share: Rate.ofOrUndefined(BigInt(count), BigInt(of)) });

const groupOf = (node: OrganizationNode | undefined, villages: readonly VillageIncome[], thresholds: readonly Money[]): TierGroup => ({
  id: node?.organizationId,
  code: node?.code,
  name: node?.name,
  villages: villages.length,
  income: Money.sum(villages.map((v) => v.income)),
  atOrAbove: thresholds.map((threshold) => ({
    threshold,
    ...countOf(villages.filter((v) => v.income.gte(threshold)).length, villages.length),
  })),
  weak: countOf(villages.filter((v) => v.weak).length, villages.length),
  shell: countOf(villages.filter((v) => v.shell).length, villages.length),
});

/**
 * 村集体经济收入分档: each village's collective income for the year on the
 * chosen basis, its tier, and for the district and each township how many
 * villages are at or above each threshold (以上 includes the threshold), how
 * many are weak (below the lowest threshold) and how many are shells (under
 * 50,000 yuan). Every registered village in scope counts, with income 0 when
 * it posted nothing in the year. Pure: the figures come from the balances only.
 */
export const incomeTiers = ({ tree, balances }: IncomeTiersInput, options: IncomeTiersOptions): IncomeTiers => {
  const checked = checkThresholds(options.thresholds);
  if (checked._tag === 'Left') throw new RangeError(`thresholds: ${checked.left}`);
  const thresholds = checked.right;
  const lowest = thresholds[0] ?? Money.zero;
  const scope = options.scope ?? {};
  const villages = villagesIn(tree, scope).map((node): VillageIncome => {
    const income = villageIncome(balances, node.organizationId, options.basis);
    return {
      id: node.organizationId,
      code: node.code,
      name: node.name,
      township: ancestorOfKind(tree, node.organizationId, 'township')?.organizationId,
      income,
      tier: tierOf(income, thresholds),
      weak: income.lt(lowest),
      shell: income.lt(SHELL_LIMIT),
    };
  });
  return {
    year: options.year,
    basis: options.basis,
    accounts: BASIS_ACCOUNTS[options.basis],
    thresholds,
    shellLimit: SHELL_LIMIT,
    villages,
    district: groupOf(districtOf(tree, scope), villages, thresholds),
    townships: townshipsIn(tree, scope).map((township) =>
      groupOf(township, villages.filter((v) => v.township === township.organizationId), thresholds),
    ),
  };
};
