import { householdsOf } from '../domain/organization/member-register.js';
import { memberRegister } from '../domain/organization/member-register.js';
import { combineProjections } from '../kernel/projection.js';
import { Dec } from '../money/decimal.js';
import { Money } from '../money/money.js';
import { groupsOf, type VillageGroup } from './assets-projection.js';
import { landBooks, type HouseholdReceipt } from './land-books.js';
import { organizationTree, type Scope } from './organizations.js';
import { overAnyEvent } from './statement.js';

/** What the household-income report reads, in one pass: organizations, members, land books. */
export const householdIncomeProjection = () => combineProjections('household-income', { tree: overAnyEvent(organizationTree), register: memberRegister, land: landBooks });
export type HouseholdIncomeState = ReturnType<ReturnType<typeof householdIncomeProjection>['init']>;

/** A household's (or a group's) income of a year, by part, received in the year; `total` is their sum. */
export interface IncomeParts {
  readonly wages: Money;
  readonly rent: Money;
  readonly guaranteedReturn: Money;
  readonly landDividends: Money;
  readonly collectiveDividends: Money;
  readonly total: Money;
  /** Members on 31 December. */
  readonly members: number;
  /** total / members, half-up to the fen; `undefined` without members. */
  readonly perCapita: Money | undefined;
}

export interface HouseholdIncomeLine extends IncomeParts {
  readonly villageId: string;
  readonly householdId: string;
  readonly head: string;
}

export interface HouseholdIncomeReport {
  readonly year: number;
  readonly total: { readonly node: VillageGroup['node']; readonly figures: IncomeParts & { readonly households: number } };
  readonly townships: readonly { readonly node: VillageGroup['node']; readonly figures: IncomeParts & { readonly households: number } }[];
  readonly villages: readonly { readonly node: VillageGroup['node']; readonly figures: IncomeParts & { readonly households: number } }[];
  readonly households: readonly HouseholdIncomeLine[];
}

const KEY: Readonly<Record<HouseholdReceipt['part'], 'wages' | 'rent' | 'guaranteedReturn' | 'landDividends' | 'collectiveDividends'>> = {
  wages: 'wages',
  rent: 'rent',
  'guaranteed-return': 'guaranteedReturn',
  dividend: 'landDividends',
  'collective-dividend': 'collectiveDividends',
};

type Sums = Record<'wages' | 'rent' | 'guaranteedReturn' | 'landDividends' | 'collectiveDividends', bigint>;
const zero = (): Sums => ({ wages: 0n, rent: 0n, guaranteedReturn: 0n, landDividends: 0n, collectiveDividends: 0n });

/** The parts, their total (the sum of the parts, nothing else) and the per-capita figure. */
export const partsOf = (s: Sums, members: number): IncomeParts => {
  const total = s.wages + s.rent + s.guaranteedReturn + s.landDividends + s.collectiveDividends;
  return {
    wages: Money.fromFen(s.wages),
    rent: Money.fromFen(s.rent),
    guaranteedReturn: Money.fromFen(s.guaranteedReturn),
    landDividends: Money.fromFen(s.landDividends),
    collectiveDividends: Money.fromFen(s.collectiveDividends),
    total: Money.fromFen(total),
    members,
    perCapita: members === 0 ? undefined : Money.fromDecimal(Money.fromFen(total).toDecimal().div(new Dec(members)), 'half-up'),
  };
};

const villageHouseholds = (state: HouseholdIncomeState, villageId: string, year: number): HouseholdIncomeLine[] => {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const sums = new Map<string, Sums>();
  for (const r of state.land.receipts.get(villageId)?.values() ?? []) {
    if (r.paidOn < from || r.paidOn > to) continue;
    const s = sums.get(r.householdId) ?? zero();
    s[KEY[r.part]] += r.amount.toFen();
    sums.set(r.householdId, s);
  }
  return householdsOf(state.register, villageId, to)
    .filter((h) => h.members.length > 0 || sums.has(h.householdId))
    .map((h) => ({ villageId, householdId: h.householdId, head: h.head, ...partsOf(sums.get(h.householdId) ?? zero(), h.members.length) }));
};

const groupFigures = (lines: readonly HouseholdIncomeLine[]) => {
  const s = zero();
  let members = 0;
  for (const l of lines) {
    for (const k of Object.keys(s) as (keyof Sums)[]) s[k] += l[k].toFen();
    members += l.members;
  }
  return { households: lines.length, ...partsOf(s, members) };
};

/** 农户收入 of the scope's households in `year`: each household's parts and per capita, and the sums per village, township and scope. */
export const householdIncomeReportOf = (state: HouseholdIncomeState, scope: Scope, year: number): HouseholdIncomeReport => {
  const groups = groupsOf(state, scope);
  const byVillage = new Map(groups.total.villages.map((v) => [v.organizationId, villageHouseholds(state, v.organizationId, year)]));
  const named = (g: VillageGroup) => ({ node: g.node, figures: groupFigures(g.villages.flatMap((v) => byVillage.get(v.organizationId) ?? [])) });
  return { year, total: named(groups.total), townships: groups.townships.map(named), villages: groups.villages.map(named), households: [...byVillage.values()].flat() };
};
