import type { ResourceKind } from '../domain/assets/kinds.js';
import { daysBetween, doubleLettings, instalmentsAsOf, isLiveOn, type ContractRecord, type ContractRegister } from '../domain/contracts/index.js';
import { Money } from '../money/money.js';
import { ageBandOf, type AgeBand } from './age-bands.js';
import { isBelow, lastDayOfYears, priceMoney, termLimitOf, yearlyUnitPrice, type TermLimitKind } from './contract-terms.js';

/** What the township sets for the warnings: the look-ahead for expiries, and the reference prices (yuan a year) a contract must reach. */
export interface WarningSettings {
  readonly on: string;
  readonly withinDays: number;
  readonly minPricePerMu: Money | undefined;
  readonly minPricePerM2: Money | undefined;
}

export const WARNING_KINDS = ['expiring', 'term-ended', 'overdue', 'price-below-reference', 'term-over-limit', 'double-letting'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** The figures each kind of warning names. */
export type WarningFigures =
  | { readonly kind: 'expiring'; readonly endsOn: string; readonly daysLeft: number }
  | { readonly kind: 'term-ended'; readonly endsOn: string; readonly daysSince: number }
  | { readonly kind: 'overdue'; readonly no: number; readonly dueOn: string; readonly outstanding: Money; readonly ageDays: number; readonly band: AgeBand }
  | { readonly kind: 'price-below-reference'; readonly unit: 'mu' | 'm2'; readonly area: string; readonly scheduled: Money; readonly termDays: number; readonly pricePerYear: Money; readonly reference: Money }
  | { readonly kind: 'term-over-limit'; readonly limit: TermLimitKind; readonly years: number; readonly startsOn: string; readonly endsOn: string; readonly lastLawfulDay: string }
  | { readonly kind: 'double-letting'; readonly subject: string; readonly contractIds: readonly string[] };

/** One warning: the village, the contract (the first of them, for double letting), and what is wrong. */
export interface ContractWarning {
  readonly villageId: string;
  readonly contractId: string;
  readonly title: string;
  readonly counterparty: string;
  readonly figures: WarningFigures;
}

type Line = Omit<ContractWarning, 'villageId'>;

const lineOf = (card: ContractRecord, figures: WarningFigures): Line => ({ contractId: card.contractId, title: card.title, counterparty: card.counterparty.name, figures });

/** Expiring within the look-ahead, or past its term with nothing recorded to end or renew it. */
const termWarnings = (card: ContractRecord, s: WarningSettings): Line[] => {
  if (card.status !== 'live' || card.startsOn > s.on) return [];
  if (card.endsOn < s.on) return [lineOf(card, { kind: 'term-ended', endsOn: card.endsOn, daysSince: daysBetween(card.endsOn, s.on) })];
  const daysLeft = daysBetween(s.on, card.endsOn);
  return isLiveOn(card, s.on) && daysLeft <= s.withinDays ? [lineOf(card, { kind: 'expiring', endsOn: card.endsOn, daysLeft })] : [];
};

const priceWarnings = (card: ContractRecord, s: WarningSettings): Line[] => {
  const price = card.status === 'live' ? yearlyUnitPrice(card) : undefined;
  const reference = price?.unit === 'mu' ? s.minPricePerMu : s.minPricePerM2;
  if (price === undefined || reference === undefined || !isBelow(price, reference)) return [];
  const scheduled = Money.fromFen(card.schedule.reduce((sum, i) => sum + i.fen, 0n));
  return [lineOf(card, { kind: 'price-below-reference', unit: price.unit, area: price.area, scheduled, termDays: daysBetween(card.startsOn, card.endsOn) + 1, pricePerYear: priceMoney(price), reference })];
};

const limitWarnings = (card: ContractRecord, resource: ResourceKind | undefined): Line[] => {
  const limit = card.status === 'live' ? termLimitOf(card, resource) : undefined;
  if (limit === undefined) return [];
  const lastLawfulDay = lastDayOfYears(card.startsOn, limit.years);
  return card.endsOn > lastLawfulDay ? [lineOf(card, { kind: 'term-over-limit', limit: limit.limit, years: limit.years, startsOn: card.startsOn, endsOn: card.endsOn, lastLawfulDay })] : [];
};

/**
 * 合同预警 of one village on `s.on`, contract by contract in the order
 * registered (for each: its term, its overdue instalments oldest first, its
 * price, its term limit), then each subject let twice.
 */
export const villageWarnings = (villageId: string, register: ContractRegister, resources: ReadonlyMap<string, ResourceKind>, s: WarningSettings): ContractWarning[] => {
  const lines: Line[] = [];
  for (const view of register.values()) {
    const { card } = view;
    if (card.registeredOn > s.on) continue;
    lines.push(...termWarnings(card, s));
    for (const i of instalmentsAsOf(view, s.on)) {
      if (i.overdue && i.ageDays !== undefined) lines.push(lineOf(card, { kind: 'overdue', no: i.no, dueOn: i.dueOn, outstanding: Money.fromFen(i.outstanding), ageDays: i.ageDays, band: ageBandOf(i.ageDays) }));
    }
    lines.push(...priceWarnings(card, s));
    lines.push(...limitWarnings(card, card.subject.assetId === undefined ? undefined : resources.get(card.subject.assetId)));
  }
  for (const { contractIds } of doubleLettings(register, s.on)) {
    const first = register.get(contractIds[0] ?? '');
    if (first !== undefined) lines.push(lineOf(first.card, { kind: 'double-letting', subject: first.card.subject.description, contractIds }));
  }
  return lines.map((line) => ({ villageId, ...line }));
};

