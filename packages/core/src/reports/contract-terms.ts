import type { ResourceKind } from '../domain/assets/kinds.js';
import { termDays, type ContractRecord } from '../domain/contracts/index.js';
import { Money } from '../money/money.js';
import { divRoundHalfUp, pow10, scaledFromDec } from '../money/scaled.js';

/**
 * The longest lawful term of a contract, by its kind (docs/reports.md,
 * "warnings"). A lease (land, building, equipment) may run 20 years (民法典
 * 第七百零五条). Resources contracted out go by the resource's kind on the
 * asset register: arable land 30 years, grassland 50, forest 70 (农村土地承包法
 * 第二十一条, their longest), waste land (四荒地) 50; construction land is let
 * as a lease, 20. A described subject, water surface or other resources count
 * as farmland contracting, 30. Services and other contracts have no limit.
 */
export const TERM_LIMITS = [
  { limit: 'lease', years: 20 },
  { limit: 'farmland', years: 30 },
  { limit: 'grassland', years: 50 },
  { limit: 'forest', years: 70 },
  { limit: 'waste-land', years: 50 },
] as const;

export type TermLimitKind = (typeof TERM_LIMITS)[number]['limit'];

const BY_RESOURCE: Readonly<Record<ResourceKind, TermLimitKind>> = {
  arable: 'farmland',
  'water-surface': 'farmland',
  other: 'farmland',
  grassland: 'grassland',
  forest: 'forest',
  'waste-land': 'waste-land',
  'construction-land': 'lease',
};

/** The limit a contract's kind chooses, with the kind of its resource when the asset register holds it; `undefined` when none applies. */
export const termLimitOf = (card: Pick<ContractRecord, 'category'>, resource: ResourceKind | undefined): { readonly limit: TermLimitKind; readonly years: number } | undefined => {
  const limit = ((): TermLimitKind | undefined => {
    switch (card.category) {
      case 'land-lease':
      case 'building-lease':
      case 'equipment-lease':
        return 'lease';
      case 'resource-contracting':
        return resource === undefined ? 'farmland' : BY_RESOURCE[resource];
      case 'service':
      case 'other':
        return undefined;
    }
  })();
  return TERM_LIMITS.find((l) => l.limit === limit);
};

const DAY_MS = 86_400_000;

/**
 * The last day of a term of `years` years starting on `startsOn`: the day
 * before the same date `years` later, or, with no such date (29 February),
 * the last day of that month (民法典 第二百零二条).
 */
export const lastDayOfYears = (startsOn: string, years: number): string => {
  const [y, m, d] = startsOn.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const last = d > lastOfMonth ? Date.UTC(y + years, m - 1, lastOfMonth) : Date.UTC(y + years, m - 1, d) - DAY_MS;
  return new Date(last).toISOString().slice(0, 10);
};

/**
 * A contract's price per mu or per m² a year: the schedule in force divided
 * by the term in years (its days / 365) and by the subject's area, in fen,
 * exactly, as a fraction `numerator / denominator`.
 */
export interface YearlyUnitPrice {
  readonly unit: 'mu' | 'm2';
  readonly area: string;
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export const yearlyUnitPrice = (card: Pick<ContractRecord, 'subject' | 'schedule' | 'startsOn' | 'endsOn'>): YearlyUnitPrice | undefined => {
  const area = card.subject.area;
  if (area === undefined) return undefined;
  const scaled = scaledFromDec(area.value);
  const scheduled = card.schedule.reduce((sum, i) => sum + i.fen, 0n);
  return { unit: area.unit, area: area.value.toFixed(), numerator: scheduled * 365n * pow10(scaled.scale), denominator: BigInt(termDays(card)) * scaled.units };
};

/** The price rounded half-up to the fen. */
export const priceMoney = (price: YearlyUnitPrice): Money => Money.fromFen(divRoundHalfUp(price.numerator, price.denominator));

/** Below the reference, compared exactly (not after rounding). */
export const isBelow = (price: YearlyUnitPrice, reference: Money): boolean => price.numerator < reference.toFen() * price.denominator;
