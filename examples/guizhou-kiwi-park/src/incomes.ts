import { ARTICLE, DAHONG_PER_CAPITA_2015_FEN } from './article.js';
import { DEPUTY, DIVIDEND_PER_SHARE_FEN, GUARANTEED_PER_SHARE_FEN, OPERATOR, RENT_PER_MU_FEN } from './county.js';
import type { PlannedHousehold, PlannedMember } from './households.js';
import { seeded, splitUnits } from './random.js';

export interface Employer {
  readonly name: string;
  readonly kind: 'company' | 'other';
}

/** One wage payment to a member: by the park monthly (the deputy's household), or a year's pay in one line. */
export interface WagePayment {
  readonly memberId: string;
  readonly householdId: string;
  readonly employer: Employer;
  readonly paidOn: string;
  readonly fen: bigint;
  readonly period: string;
}

/** What a household is paid on its land in a year, in fen: rent, guaranteed return, dividend. */
export interface LandIncome {
  readonly rent: bigint;
  readonly guaranteed: bigint;
  readonly dividend: bigint;
}

export interface YearIncome {
  readonly wages: readonly WagePayment[];
  readonly land: ReadonlyMap<string, LandIncome>;
}

const MIGRANT_EMPLOYERS: readonly Employer[] = [
  { name: '宁波甬达服装有限公司', kind: 'company' },
  { name: '东莞华信电子厂', kind: 'company' },
  { name: '贵阳市建筑工地劳务班组', kind: 'other' },
  { name: '息烽县城餐饮店', kind: 'other' },
];

/** The share of adults at work in the park, and away as migrant workers, each year: the park draws them home. */
const PARK_SHARE: Readonly<Record<number, number>> = { 2015: 0.15, 2016: 0.3, 2017: 0.4, 2018: 0.5 };
const MIGRANT_SHARE: Readonly<Record<number, number>> = { 2015: 0.55, 2016: 0.45, 2017: 0.38, 2018: 0.3 };
/** A park worker's monthly pay and a migrant worker's year, in yuan, by year. */
const PARK_MONTHLY: Readonly<Record<number, readonly [number, number]>> = { 2015: [1500, 1900], 2016: [1700, 2200], 2017: [1900, 2500], 2018: [2100, 2800] };
const MIGRANT_YEAR: Readonly<Record<number, readonly [number, number]>> = { 2015: [8000, 12000], 2016: [11000, 18000], 2017: [15000, 25000], 2018: [18000, 31000] };
/**
 * The deputy team head (from 2017) and his wife (in the park from 2016),
 * monthly, in fen; the park opened in March 2015. With his land's rent,
 * guaranteed return and dividend, the household's 2018 comes close to
 * the article's 100,000 (the report adds it up).
 */
const DEPUTY_MONTHLY: Readonly<Record<number, readonly [bigint, bigint]>> = { 2015: [180_000n, 0n], 2016: [240_000n, 200_000n], 2017: [320_000n, 240_000n], 2018: [ARTICLE.deputyMonthlyFen, 290_000n] };

const monthsOf = (year: number): number[] => Array.from({ length: 12 }, (_, m) => m + 1).filter((m) => year > 2015 || m >= 3);
const lastDay = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;

const deputyWages = (h: PlannedHousehold, year: number): WagePayment[] => {
  const pay = DEPUTY_MONTHLY[year] ?? [0n, 0n];
  return h.members.slice(0, 2).flatMap((m, i) =>
    (pay[i] ?? 0n) === 0n ? [] : monthsOf(year).map((month) => ({ memberId: m.memberId, householdId: h.householdId, employer: OPERATOR, paidOn: lastDay(year, month), fen: pay[i] ?? 0n, period: lastDay(year, month).slice(0, 7) })),
  );
};

const fenIn = (random: () => number, [low, high]: readonly [number, number]): bigint => BigInt(Math.round((low + random() * (high - low)) / 10) * 1000);

/** Each household's land income of the year: rent and guaranteed return on every year's due date, a dividend where one is declared. */
export const landIncomeOf = (households: readonly PlannedHousehold[], year: number): Map<string, LandIncome> =>
  new Map(
    households.map((h) => {
      const shares = h.shares?.tenths ?? 0n;
      return [h.householdId, { rent: (h.rent.tenths * RENT_PER_MU_FEN) / 10n, guaranteed: (shares * GUARANTEED_PER_SHARE_FEN) / 10n, dividend: (shares * (DIVIDEND_PER_SHARE_FEN[year] ?? 0n)) / 10n }];
    }),
  );

/** Each adult's place in the job queue, fixed over the years: the first in it work in the park, the next away. */
const queueOf = (households: readonly PlannedHousehold[], seed: number): Map<string, number> => {
  const random = seeded(seed);
  return new Map(households.flatMap((h) => h.members).filter((m) => m.role === 'adult').map((m) => [m.memberId, random()]));
};

const TARGETS: Readonly<Record<string, bigint>> = { 'dahong-2015': DAHONG_PER_CAPITA_2015_FEN, 'dahong-2018': ARTICLE.dahongPerCapita2018Fen };

/**
 * The migrant workers' year, sized so that the village's income per member
 * meets the target where there is one: what is left of target × members once
 * the park's wages and the land income are counted, split by the drawn
 * years; each must stay a plausible year's pay.
 */
const migrantFen = (key: string, drawn: readonly bigint[], known: bigint, members: number): bigint[] => {
  const target = TARGETS[key];
  if (target === undefined) return [...drawn];
  const parts = splitUnits(target * BigInt(members) - known, drawn);
  if (parts.some((p) => p < 600_000n || p > 6_000_000n)) throw new Error(`${key}: a migrant worker's year comes to ${String(parts.find((p) => p < 600_000n || p > 6_000_000n))} fen; choose other draws`);
  return parts;
};

interface Migrant {
  readonly member: PlannedMember;
  readonly fen: bigint;
  readonly employer: Employer;
}

/** What the household's adults earn in `year`: park wages (paid), or a migrant's drawn year (sized later). */
const adultsAt = (h: PlannedHousehold, year: number, random: () => number, queue: ReadonlyMap<string, number>): { wages: WagePayment[]; migrants: Migrant[] } => {
  const wages: WagePayment[] = [];
  const migrants: Migrant[] = [];
  const park = PARK_SHARE[year] ?? 0;
  const away = park + (MIGRANT_SHARE[year] ?? 0);
  for (const m of h.members.filter((x) => x.role === 'adult')) {
    const place = queue.get(m.memberId) ?? 1;
    if (place < park) {
      const fen = fenIn(random, PARK_MONTHLY[year] ?? [0, 0]) * BigInt(monthsOf(year).length);
      wages.push({ memberId: m.memberId, householdId: h.householdId, employer: OPERATOR, paidOn: `${year}-12-31`, fen, period: String(year) });
    } else if (place < away) {
      const employer = MIGRANT_EMPLOYERS[Math.floor(random() * MIGRANT_EMPLOYERS.length)] ?? { name: '外出务工', kind: 'other' };
      migrants.push({ member: m, fen: fenIn(random, MIGRANT_YEAR[year] ?? [0, 0]), employer });
    }
  }
  return { wages, migrants };
};

/** The village's wages and land income of `year`. */
export const yearIncome = (households: readonly PlannedHousehold[], year: number, seed: number): YearIncome => {
  const random = seeded(seed + year);
  const queue = queueOf(households, seed);
  const land = landIncomeOf(households, year);
  const wages: WagePayment[] = [];
  const migrants: Migrant[] = [];
  for (const h of households) {
    if (h.householdId === DEPUTY.householdId) {
      wages.push(...deputyWages(h, year));
      continue;
    }
    const adults = adultsAt(h, year, random, queue);
    wages.push(...adults.wages);
    migrants.push(...adults.migrants);
  }
  const landFen = [...land.values()].reduce((s, l) => s + l.rent + l.guaranteed + l.dividend, 0n);
  const known = wages.reduce((s, w) => s + w.fen, landFen);
  const members = households.reduce((n, h) => n + h.members.length, 0);
  const sized = migrantFen(`${households[0]?.villageId ?? ''}-${year}`, migrants.map((m) => m.fen), known, members);
  migrants.forEach(({ member, employer }, i) => wages.push({ memberId: member.memberId, householdId: member.householdId, employer, paidOn: `${year}-12-25`, fen: sized[i] ?? 0n, period: String(year) }));
  return { wages, land };
};
