import { allocate } from '../../money/allocate.js';
import { Area } from '../../money/area.js';
import { Dec } from '../../money/decimal.js';
import { Money } from '../../money/money.js';
import { grainAmount } from '../contracts/schedule.js';
import type { LandIncomePart } from './kinds.js';
import type { LandRegister, TransferRecord } from './register.js';

/*
 * What a transfer owes its households: each due date is one year's rent
 * (or guaranteed return). Cash rent is area × yuan per mu, rounded once
 * half-up to the fen per household; grain rent is area × kg per mu (exact)
 * at the reference price in force on the due date, rounded once; the
 * guaranteed return of land shares is shares × yuan per share for the
 * transfer, divided over the households' shares with `allocate`.
 */

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Each household's area in the transfer, in household-id order. */
export const householdAreas = (transfer: TransferRecord): ReadonlyMap<string, Area> => {
  const areas = new Map<string, Area>();
  for (const part of transfer.parts) areas.set(part.householdId, (areas.get(part.householdId) ?? Area.zero).plus(part.area));
  return new Map([...areas].sort(([a], [b]) => byId(a, b)));
};

/** The transfer's whole area. */
export const transferArea = (transfer: TransferRecord): Area => transfer.parts.reduce((sum, p) => sum.plus(p.area), Area.zero);

/** Each household's land shares (area × shares per mu, exact); empty for a rent transfer. */
export const householdShares = (transfer: TransferRecord): ReadonlyMap<string, Dec> => {
  const terms = transfer.terms;
  if (terms.kind !== 'shares') return new Map();
  return new Map([...householdAreas(transfer)].map(([h, area]) => [h, area.toDecimal().times(terms.sharesPerMu)]));
};

/** The due dates whose rent is still owed or paid: those on or before the day it ended, if it ended early. */
export const liveDueDates = (transfer: TransferRecord): readonly string[] =>
  transfer.endedOn === undefined ? transfer.dueDates : transfer.dueDates.filter((due) => due <= (transfer.endedOn ?? ''));

/** The grain reference price in force on `date`. */
export const priceOn = (transfer: TransferRecord, date: string): Dec => {
  let price: Dec | undefined;
  for (const p of transfer.prices) if (p.from <= date || price === undefined) price = p.pricePerKg;
  return price ?? new Dec(0);
};

/** What one year's instalment due on `dueOn` comes to for each household. */
export const instalmentDue = (transfer: TransferRecord, dueOn: string): ReadonlyMap<string, Money> => {
  const areas = householdAreas(transfer);
  const terms = transfer.terms;
  switch (terms.kind) {
    case 'cash':
      return new Map([...areas].map(([h, area]) => [h, terms.perMu.times(area.toDecimal())]));
    case 'grain': {
      const pricePerKg = priceOn(transfer, dueOn);
      return new Map([...areas].map(([h, area]) => [h, grainAmount({ kg: area.toDecimal().times(terms.kgPerMu), pricePerKg })]));
    }
    case 'shares': {
      const shares = householdShares(transfer);
      const total = terms.guaranteedPerShare.times([...shares.values()].reduce((s, n) => s.plus(n), new Dec(0)));
      const parts = allocate(total, [...shares.values()]);
      return new Map([...shares.keys()].map((h, i) => [h, parts[i] ?? Money.zero]));
    }
  }
};

/** The part a transfer's instalments pay: rent, or the guaranteed return of land shares. */
export const instalmentPart = (transfer: TransferRecord): LandIncomePart => (transfer.terms.kind === 'shares' ? 'guaranteed-return' : 'rent');

/** What the transfer's instalments due on or before `date` (all of them without a date) come to for `householdId`, in fen. */
export const dueTo = (transfer: TransferRecord, householdId: string, date?: string): bigint => dueToEach(transfer, date).get(householdId) ?? 0n;

/** What the transfer's instalments due on or before `date` (all of them without a date) come to for each of its households, in fen: each instalment worked out once. */
export const dueToEach = (transfer: TransferRecord, date?: string): ReadonlyMap<string, bigint> => {
  const fen = new Map<string, bigint>();
  for (const due of liveDueDates(transfer)) {
    if (date !== undefined && due > date) continue;
    for (const [householdId, amount] of instalmentDue(transfer, due)) fen.set(householdId, (fen.get(householdId) ?? 0n) + amount.toFen());
  }
  return fen;
};

/** What was declared to `householdId` as land dividends on the transfer, over every year, in fen. */
export const dividendsDeclaredTo = (register: LandRegister, transferId: string, householdId: string): bigint => {
  let fen = 0n;
  for (const [key, dividends] of register.dividends) {
    if (!key.startsWith(`${transferId}\u0000`)) continue;
    for (const d of dividends) if (d.householdId === householdId) fen += d.amount.toFen();
  }
  return fen;
};

/** Whether the transfer holds its land on `day`: started, within its term, not ended on or before it. */
export const inForceOn = (t: TransferRecord, day: string): boolean => t.startsOn <= day && (t.endedOn === undefined ? day <= t.endsOn : day < t.endedOn);

/**
 * The most of `parcelId` other transfers hold on any day of [startsOn,
 * endsOn]: what a new transfer of it for that term must leave. An ended
 * transfer frees the land on the day it ended; one in force holds it to the
 * last day of its term. What is held changes only when a transfer starts,
 * so the most is found on the term's first day or a later start.
 */
export const areaHeldOver = (register: LandRegister, parcelId: string, term: { readonly startsOn: string; readonly endsOn: string }, except?: string): Area => {
  const overlapping: { readonly transfer: TransferRecord; readonly area: Area }[] = [];
  for (const id of register.parcels.get(parcelId)?.transfers ?? []) {
    const t = register.transfers.get(id);
    if (t === undefined || id === except) continue;
    const overlaps = t.startsOn <= term.endsOn && (t.endedOn === undefined ? term.startsOn <= t.endsOn : term.startsOn < t.endedOn);
    const area = t.parts.filter((p) => p.parcelId === parcelId).reduce((sum, p) => sum.plus(p.area), Area.zero);
    if (overlaps) overlapping.push({ transfer: t, area });
  }
  let most = Area.zero;
  const days = [term.startsOn, ...overlapping.map((o) => o.transfer.startsOn).filter((d) => d > term.startsOn)];
  for (const day of days) {
    const held = overlapping.filter((o) => inForceOn(o.transfer, day)).reduce((sum, o) => sum.plus(o.area), Area.zero);
    if (held.compare(most) > 0) most = held;
  }
  return most;
};
