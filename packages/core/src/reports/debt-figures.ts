import type { ResolutionMethod } from '../domain/debts/kinds.js';
import { RESOLUTION_METHODS } from '../domain/debts/kinds.js';
import { Money } from '../money/money.js';
import { Rate } from '../money/rate.js';
import type { DebtHistory, DebtResolutionLine } from './debt-history.js';

/** A period: the debts recorded up to `to`; with `from`, also what happened from `from` to `to`. */
export interface DebtPeriod {
  readonly from: string | undefined;
  readonly to: string;
}

/** An amount by resolution method, in the order of RESOLUTION_METHODS, and their total. */
export interface ResolvedAmounts {
  readonly total: Money;
  readonly byMethod: readonly { readonly method: ResolutionMethod; readonly amount: Money }[];
}

/** 不良债务化解 of a group of villages over a period. */
export interface DebtFigures {
  readonly villages: number;
  /** Debts recorded on or before `to`. */
  readonly debts: number;
  readonly recorded: Money;
  /** Of them, recorded from `from` (all of them when the period has no start). */
  readonly recordedInPeriod: Money;
  /** Resolved on or before `to`, by method. */
  readonly resolved: ResolvedAmounts;
  /** Resolved from `from` to `to`, by method. */
  readonly resolvedInPeriod: ResolvedAmounts;
  /** recorded − resolved: what is still owed on `to`. */
  readonly outstanding: Money;
  /** Debts with something still owed on `to`. */
  readonly openDebts: number;
  /** 化解率: resolved / recorded, both up to `to`; `undefined` when nothing is recorded. */
  readonly rate: Rate | undefined;
}

/** A debt as it stood on `to`: its resolutions up to then and what was still owed. */
export interface DebtOnDate {
  readonly debt: DebtHistory;
  readonly resolutions: readonly DebtResolutionLine[];
  readonly resolved: Money;
  readonly outstanding: Money;
}

export const debtOn = (debt: DebtHistory, to: string): DebtOnDate => {
  const resolutions = debt.resolutions.filter((r) => r.resolvedOn <= to);
  const resolved = Money.sum(resolutions.map((r) => r.amount));
  return { debt, resolutions, resolved, outstanding: debt.amount.minus(resolved) };
};

const amountsOf = (lines: readonly DebtResolutionLine[]): ResolvedAmounts => ({
  total: Money.sum(lines.map((l) => l.amount)),
  byMethod: RESOLUTION_METHODS.map((method) => ({ method, amount: Money.sum(lines.filter((l) => l.method === method).map((l) => l.amount)) })),
});

const inPeriod = (date: string, period: DebtPeriod): boolean => date <= period.to && (period.from === undefined || date >= period.from);

/** The figures of these villages' debts over the period: computed from the amounts, never carried. */
export const debtFigures = (debts: readonly DebtHistory[], villages: number, period: DebtPeriod): DebtFigures => {
  const recorded = debts.filter((d) => d.recordedOn <= period.to);
  const standing = recorded.map((d) => debtOn(d, period.to));
  const lines = standing.flatMap((s) => s.resolutions);
  const total = Money.sum(recorded.map((d) => d.amount));
  const resolved = amountsOf(lines);
  return {
    villages,
    debts: recorded.length,
    recorded: total,
    recordedInPeriod: Money.sum(recorded.filter((d) => inPeriod(d.recordedOn, period)).map((d) => d.amount)),
    resolved,
    resolvedInPeriod: amountsOf(lines.filter((l) => inPeriod(l.resolvedOn, period))),
    outstanding: total.minus(resolved.total),
    openDebts: standing.filter((s) => !s.outstanding.isZero()).length,
    rate: Rate.ofOrUndefined(resolved.total, total),
  };
};
