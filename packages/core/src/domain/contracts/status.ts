import { Rate } from '../../money/rate.js';
import { coveredPart } from './figures.js';
import type { ContractView } from './view.js';

/*
 * A contract's schedule as of a date, read at the end of that day: every
 * payment received on or before it counts. Money settles the instalments
 * oldest first, in the order of the payments' dates. An instalment is
 * overdue (逾期) once the day after its due date has begun with part of it
 * unpaid; its age is the days since its due date.
 */

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The day before an ISO date. */
const dayBefore = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** Money received on or before `asOf`, in fen. */
export const paidBy = (view: ContractView, asOf: string): bigint => view.payments.reduce((sum, p) => (p.on <= asOf ? sum + p.fen : sum), 0n);

/** Instalments recognised as income by runs dated on or before `asOf`. */
const recognisedBy = (view: ContractView, asOf: string): number => view.recognitions.reduce((n, r) => (r.on <= asOf ? n + r.count : n), 0);

/** One instalment as of a date. */
export interface InstalmentStatus {
  readonly no: number;
  readonly dueOn: string;
  readonly fen: bigint;
  readonly due: boolean;
  readonly recognised: boolean;
  readonly paid: bigint;
  readonly outstanding: bigint;
  readonly overdue: boolean;
  /** Days since the due date, for an overdue instalment. */
  readonly ageDays: number | undefined;
}

/** Every instalment of the schedule in force, as of `asOf`. */
export const instalmentsAsOf = (view: ContractView, asOf: string): InstalmentStatus[] => {
  const paid = paidBy(view, asOf);
  const recognised = recognisedBy(view, asOf);
  let before = 0n;
  return view.card.schedule.map((i, k) => {
    const covered = coveredPart(paid, before, i.fen);
    before += i.fen;
    const outstanding = i.fen - covered;
    const overdue = i.dueOn < asOf && outstanding > 0n;
    return { no: i.no, dueOn: i.dueOn, fen: i.fen, due: i.dueOn <= asOf, recognised: k < recognised, paid: covered, outstanding, overdue, ageDays: overdue ? daysBetween(i.dueOn, asOf) : undefined };
  });
};

/**
 * A contract's figures as of a date, in fen: the schedule in force, what
 * has fallen due (due on or before the date), recognised, received and
 * applied to what is due (`collected`), received ahead of it (`prepaid`),
 * still owed of what is due (`outstanding`: collected + outstanding = due),
 * overdue, and owed back after a termination.
 */
export interface ContractStatus {
  readonly scheduled: bigint;
  readonly due: bigint;
  readonly recognised: bigint;
  readonly received: bigint;
  readonly collected: bigint;
  readonly prepaid: bigint;
  readonly outstanding: bigint;
  readonly overdue: bigint;
  readonly refundDue: bigint;
  readonly instalments: readonly InstalmentStatus[];
}

export const contractStatusAsOf = (view: ContractView, asOf: string): ContractStatus => {
  const instalments = instalmentsAsOf(view, asOf);
  const sum = (pick: (i: InstalmentStatus) => bigint, where: (i: InstalmentStatus) => boolean = () => true): bigint =>
    instalments.reduce((total, i) => (where(i) ? total + pick(i) : total), 0n);
  const received = paidBy(view, asOf);
  const scheduled = sum((i) => i.fen);
  const collected = sum((i) => i.paid, (i) => i.due);
  return {
    scheduled,
    due: sum((i) => i.fen, (i) => i.due),
    recognised: sum((i) => i.fen, (i) => i.recognised),
    received,
    collected,
    prepaid: sum((i) => i.paid, (i) => !i.due),
    outstanding: sum((i) => i.outstanding, (i) => i.due),
    overdue: sum((i) => i.outstanding, (i) => i.overdue),
    refundDue: received > scheduled ? received - scheduled : 0n,
    instalments,
  };
};

/**
 * Arrears collection (清欠) over the days `from` to `to`, both included, in
 * fen. `openingArrears`: what was overdue as the period began (instalments
 * due before `from`, less what was received before `from`). `fallenOverdue`:
 * instalments due from `from` to the day before `to`, less what was received
 * by their due date. `overdue` = the two together: the denominator of the
 * collection rate. `collected`: what was received in the period and applied
 * to those instalments after their due date. collected ≤ overdue.
 */
export interface Collection {
  readonly openingArrears: bigint;
  readonly fallenOverdue: bigint;
  readonly overdue: bigint;
  readonly collected: bigint;
}

/** Money received on or before a date, for many dates: the payments in date order with running totals, each date found by bisection. */
const receivedByDate = (view: ContractView): ((date: string) => bigint) => {
  const payments = [...view.payments].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const dates = payments.map((p) => p.on);
  const totals: bigint[] = [];
  let sum = 0n;
  for (const p of payments) totals.push((sum += p.fen));
  return (date) => {
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((dates[mid] ?? '') <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0n : (totals[lo - 1] ?? 0n);
  };
};

export const collectionOver = (view: ContractView, from: string, to: string): Collection => {
  const beforeStart = dayBefore(from);
  const paidThen = receivedByDate(view);
  const paidAtEnd = paidThen(to);
  const paidAtStart = paidThen(beforeStart);
  let before = 0n;
  let openingArrears = 0n;
  let fallenOverdue = 0n;
  let collected = 0n;
  for (const i of view.card.schedule) {
    if (i.dueOn >= to) break;
    const opening = i.dueOn < from;
    const baseDate = opening ? beforeStart : i.dueOn;
    const covered = opening ? coveredPart(paidAtStart, before, i.fen) : coveredPart(paidThen(baseDate), before, i.fen);
    if (opening) openingArrears += i.fen - covered;
    else fallenOverdue += i.fen - covered;
    collected += coveredPart(paidAtEnd, before, i.fen) - covered;
    before += i.fen;
  }
  return { openingArrears, fallenOverdue, overdue: openingArrears + fallenOverdue, collected };
};

/** The collection over several contracts, summed, and its rate collected / overdue (undefined when nothing was overdue). */
export const collectionRateOver = (views: Iterable<ContractView>, from: string, to: string): Collection & { readonly rate: Rate | undefined } => {
  const total = { openingArrears: 0n, fallenOverdue: 0n, overdue: 0n, collected: 0n };
  for (const view of views) {
    const c = collectionOver(view, from, to);
    total.openingArrears += c.openingArrears;
    total.fallenOverdue += c.fallenOverdue;
    total.overdue += c.overdue;
    total.collected += c.collected;
  }
  return { ...total, rate: Rate.ofOrUndefined(total.collected, total.overdue) };
};
