import { Money, allocate } from '@collective-ledger/core';
import { CONTRACTS_REGISTERED, REGISTER_FROM } from './campaign.js';
import { describedLetting, longLetting, wholeLettings, type Letting } from './contract-subjects.js';
import { addDays, dayBetween, dayOfYear, monthEnd } from './dates.js';
import { intBetween, pick, type Random } from './drafts.js';
import type { OpeningPlan } from './opening.js';

/** Grain indexed rent (折粮计租): tenths of a kg and fen per kg, so the cash is exact (kg × price, half-up to the fen, as the register computes it). */
export interface GrainRent {
  readonly kgTenths: bigint;
  readonly priceFen: bigint;
}

export const grainFen = ({ kgTenths, priceFen }: GrainRent): bigint => (kgTenths * priceFen + 5n) / 10n;

export const grainText = ({ kgTenths, priceFen }: GrainRent) => ({
  kg: `${kgTenths / 10n}.${kgTenths % 10n}`,
  pricePerKg: `${priceFen / 100n}.${String(priceFen % 100n).padStart(2, '0')}`,
});

/** How a contract came onto the register: found in the books (old), signed in 2022 (new), old and ending in 2022, or a 荒山 contract over 50 years. */
export type ContractKind = 'old' | 'new' | 'ending' | 'long';

/** A contract as the generator plans it, before its amounts: its letting, term, registration and due dates (month ends). */
export interface ContractSkeleton {
  readonly organizationId: string;
  readonly contractId: string;
  readonly letting: Letting;
  readonly kind: ContractKind;
  readonly signedOn: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly registeredOn: string;
  readonly dueMonths: readonly number[];
  readonly grain: GrainRent | undefined;
  readonly weight: number;
}

/** Largest remainders over whole numbers: `total` split by `weights`, adding up exactly. */
export const apportion = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = total - out.reduce((a, b) => a + b, 0);
  for (const [, i] of order.slice(0, left)) out[i] = (out[i] ?? 0) + 1;
  return out;
};

const dueMonthsOf = (perYear: 1 | 2 | 4, random: Random): number[] => {
  if (perYear === 4) return [3, 6, 9, 12];
  if (perYear === 2) {
    const m = intBetween(random, 1, 6);
    return [m, m + 6];
  }
  return [intBetween(random, 1, 12)];
};

const firstOfNextMonth = (date: string): string => addDays(monthEnd(Number(date.slice(0, 4)), Number(date.slice(5, 7))), 1);

const oldTerm = (random: Random) => {
  const signedOn = dayOfYear(random, intBetween(random, 2012, 2021));
  return { signedOn, startsOn: signedOn, endsOn: `${intBetween(random, 2023, 2028)}-12-31`, registeredOn: dayBetween(random, REGISTER_FROM, '2022-01-20') };
};

interface Spec {
  readonly organizationId: string;
  readonly n: number;
  readonly letting: Letting;
  readonly kind: ContractKind;
  readonly grain?: GrainRent;
}

const skeletonOf = ({ organizationId, n, letting, kind, grain }: Spec, random: Random): ContractSkeleton => {
  const contractId = `${organizationId}-ht${String(n).padStart(3, '0')}`;
  const weight = letting.whole ? intBetween(random, 30, 100) : intBetween(random, 3, 20);
  const base = { organizationId, contractId, letting, kind, grain, weight };
  switch (kind) {
    case 'old': {
      // Rents paid twice or four times a year are let for shorter terms (to 2025 at most).
      const term = oldTerm(random);
      const endsOn = letting.perYear === 1 || term.endsOn <= '2025-12-31' ? term.endsOn : `${intBetween(random, 2023, 2025)}-12-31`;
      return { ...base, ...term, endsOn, dueMonths: dueMonthsOf(letting.perYear, random) };
    }
    case 'ending': {
      const end = intBetween(random, 6, 10);
      return { ...base, ...oldTerm(random), endsOn: monthEnd(2022, end), dueMonths: [intBetween(random, 1, end)] };
    }
    case 'long': {
      const year = intBetween(random, 2000, 2006);
      return { ...base, signedOn: `${year}-02-20`, startsOn: `${year}-03-01`, endsOn: `${year + 69}-12-31`, registeredOn: dayBetween(random, REGISTER_FROM, '2022-01-20'), dueMonths: [pick(random, [11, 12])] };
    }
    case 'new': {
      const signedOn = dayBetween(random, '2022-02-01', '2022-06-20');
      const startsOn = firstOfNextMonth(signedOn);
      return { ...base, signedOn, startsOn, endsOn: `${intBetween(random, 2024, 2027)}-12-31`, registeredOn: signedOn, dueMonths: [Number(startsOn.slice(5, 7))] };
    }
  }
};

/** Every due date of a contract's schedule: the month ends of its due months, from the first in 2022 on or after its start, to its end. */
export const dueDatesOf = (c: Pick<ContractSkeleton, 'startsOn' | 'endsOn' | 'dueMonths'>, untilYear = Number(c.endsOn.slice(0, 4))): string[] => {
  const out: string[] = [];
  for (let year = 2022; year <= untilYear; year += 1) {
    for (const m of c.dueMonths) {
      const d = monthEnd(year, m);
      if (d >= c.startsOn && d <= c.endsOn) out.push(d);
    }
  }
  return out;
};

/**
 * The district's contracts: CONTRACTS_REGISTERED spread over the villages by
 * drawn weights (fewer where rents are small); in each village first its
 * assets let as a whole, then described plots, shops, orchards, ponds and
 * machines, some of them signed in 2022 or ending in 2022; grain-indexed
 * plots where the rents can carry them; and in `longVillages` one 荒山
 * contract each for longer than 50 years.
 */
export const contractSkeletons = (plans: readonly OpeningPlan[], budgets: ReadonlyMap<string, Money>, longVillages: ReadonlySet<string>, random: Random): ContractSkeleton[] => {
  const small = Money.of('20000');
  const counts = apportion(CONTRACTS_REGISTERED, plans.map((p) => ((budgets.get(p.village.organizationId) ?? Money.zero).lt(small) ? 8 : intBetween(random, 12, 36))));
  return plans.flatMap((plan, v) => {
    const organizationId = plan.village.organizationId;
    const count = counts[v] ?? 0;
    const out = wholeLettings(plan, random)
      .slice(0, count)
      .map((letting, i) => skeletonOf({ organizationId, n: i + 1, letting, kind: 'old' }, random));
    const grainy = (budgets.get(organizationId) ?? Money.zero).gte(Money.of('100000')) ? intBetween(random, 1, 2) : 0;
    for (let n = out.length + 1; n <= count; n += 1) {
      const long = n === count && longVillages.has(organizationId);
      const grains = out.filter((c) => c.grain !== undefined).length;
      out.push(long ? skeletonOf({ organizationId, n, letting: longLetting(plan.village.name, random), kind: 'long' }, random) : describedSkeleton({ organizationId, n, name: plan.village.name, grain: grains < grainy }, random));
    }
    return out;
  });
};

/** A described letting: grain-indexed if `grain` and it is land, else old, signed in 2022, or ending in 2022. */
const describedSkeleton = ({ organizationId, n, name, grain }: { organizationId: string; n: number; name: string; grain: boolean }, random: Random): ContractSkeleton => {
  const letting = describedLetting(name, n, random);
  if (grain && letting.category === 'land-lease') {
    const rent = { kgTenths: BigInt(intBetween(random, 3_000, 20_000)), priceFen: BigInt(intBetween(random, 130, 160)) };
    return skeletonOf({ organizationId, n, letting: { ...letting, title: letting.title.replace('合同', '合同（折粮计租）') }, kind: 'old', grain: rent }, random);
  }
  const r = random();
  const kind: ContractKind = letting.perYear === 1 && r < 0.12 ? 'new' : letting.perYear === 1 && r < 0.15 ? 'ending' : 'old';
  return skeletonOf({ organizationId, n, letting, kind }, random);
};

/** A contract with its schedule: each due date with its cash (fen) and, for grain rent, the grain. */
export interface PlannedContract extends ContractSkeleton {
  readonly schedule: readonly { readonly dueOn: string; readonly fen: bigint }[];
}

/**
 * The amounts: each village's budget (its contracts' 2022 income, exactly)
 * less its grain rents of 2022, allocated over its cash contracts by weight
 * and within a contract over its 2022 instalments; later years repeat the
 * 2022 amounts month by month.
 */
export const withAmounts = (skeletons: readonly ContractSkeleton[], budgets: ReadonlyMap<string, Money>): PlannedContract[] => {
  const byVillage = new Map<string, ContractSkeleton[]>();
  for (const s of skeletons) byVillage.set(s.organizationId, [...(byVillage.get(s.organizationId) ?? []), s]);
  return [...byVillage].flatMap(([id, list]) => {
    const in2022 = (s: ContractSkeleton) => dueDatesOf(s, 2022);
    const grainTotal = list.reduce((fen, s) => (s.grain === undefined ? fen : fen + grainFen(s.grain) * BigInt(in2022(s).length)), 0n);
    const rest = (budgets.get(id) ?? Money.zero).minus(Money.fromFen(grainTotal));
    if (rest.toFen() * 2n < (budgets.get(id) ?? Money.zero).toFen()) throw new Error(`${id}: grain rents take more than half of the contracts' income`);
    const cash = list.filter((s) => s.grain === undefined);
    const yearly = allocate(rest, cash.map((s) => String(s.weight)));
    const slots = new Map(cash.map((s, i) => [s.contractId, allocate(yearly[i] ?? Money.zero, in2022(s).map(() => '1')).map((m) => m.toFen())] as const));
    return list.map((s): PlannedContract => {
      const monthly = new Map(in2022(s).map((d, k) => [Number(d.slice(5, 7)), s.grain === undefined ? (slots.get(s.contractId)?.[k] ?? 0n) : grainFen(s.grain)] as const));
      const schedule = dueDatesOf(s).map((dueOn) => ({ dueOn, fen: monthly.get(Number(dueOn.slice(5, 7))) ?? 0n }));
      if (schedule.some((i) => i.fen <= 0n)) throw new Error(`${s.contractId}: an instalment of no amount`);
      return { ...s, schedule };
    });
  });
};
