import { rootCodeOf } from '../domain/ledger/chart/index.js';
import { Money } from '../money/money.js';
import { Rate } from '../money/rate.js';
import { noFactors, type ObjectiveFactors } from './asset-activity.js';
import { assetsOf, groupsOf, type AssetsState, type VillageGroup } from './assets-projection.js';
import { EQUITY_LINES } from './balance-sheet-lines.js';
import { closingBalance, type AccountTotals, type Window } from './balances.js';
import type { Scope } from './organizations.js';

/** The accounts owners' equity is read from: 301, 311, 321, 322 and the profit-and-loss accounts not yet closed. */
const EQUITY_ROOTS: ReadonlySet<string> = new Set(EQUITY_LINES.flatMap((line) => line.parts.flatMap((part) => part.roots)));

export type AppreciationVerdict = 'appreciated' | 'preserved' | 'lost-value';

/** Objective increases and decreases of the year, by kind, each with its total. */
export interface AppreciationFactors {
  readonly increases: {
    readonly capitalInjected: Money;
    readonly transfersIn: Money;
    readonly subsidies: Money;
    readonly donations: Money;
    readonly stockTakeGains: Money;
    readonly revaluationGains: Money;
    readonly total: Money;
  };
  readonly decreases: {
    readonly transfersOut: Money;
    readonly stockTakeLosses: Money;
    readonly revaluationLosses: Money;
    readonly forceMajeure: Money;
    readonly total: Money;
  };
}

/**
 * 资产保值增值率 of a group of villages for a year: (closing owners' equity −
 * objective increases + objective decreases) / opening owners' equity. Over
 * 100% the collective appreciated its assets, at 100% it preserved them,
 * under 100% they lost value; with no opening equity there is no rate.
 */
export interface Appreciation extends AppreciationFactors {
  readonly villages: number;
  readonly openingEquity: Money;
  readonly closingEquity: Money;
  /** Closing equity less the increases plus the decreases: what the year's own work left. */
  readonly adjustedClosingEquity: Money;
  readonly rate: Rate | undefined;
  readonly verdict: AppreciationVerdict | undefined;
}

interface EquityFen {
  opening: bigint;
  closing: bigint;
  capital: bigint;
}

/** Owners' equity (credit positive) before and after the window, and what vouchers credited to 301 资本 in it. */
const addEquity = (into: EquityFen, totals: ReadonlyMap<string, AccountTotals>): void => {
  for (const [code, t] of totals) {
    const root = rootCodeOf(code);
    if (!EQUITY_ROOTS.has(root)) continue;
    into.opening -= t.opening;
    into.closing -= closingBalance(t);
    if (root === '301') into.capital += t.credit - t.debit;
  }
};

const FACTOR_KEYS = Object.keys(noFactors()) as (keyof ObjectiveFactors)[];

/** Factors a report adds up into a record of its own (never a projection's state). */
type FactorSums = { -readonly [K in keyof ObjectiveFactors]: ObjectiveFactors[K] };

const addFactors = (into: FactorSums, from: ObjectiveFactors): void => {
  for (const key of FACTOR_KEYS) into[key] += from[key];
};

const factorsOf = (f: ObjectiveFactors, capital: bigint): AppreciationFactors => {
  const m = (fen: bigint): Money => Money.fromFen(fen);
  const increases = capital + f.transfersIn + f.subsidies + f.donations + f.stockTakeGains + f.revaluationGains;
  const decreases = f.transfersOut + f.stockTakeLosses + f.revaluationLosses + f.forceMajeure;
  return {
    increases: {
      capitalInjected: m(capital),
      transfersIn: m(f.transfersIn),
      subsidies: m(f.subsidies),
      donations: m(f.donations),
      stockTakeGains: m(f.stockTakeGains),
      revaluationGains: m(f.revaluationGains),
      total: m(increases),
    },
    decreases: {
      transfersOut: m(f.transfersOut),
      stockTakeLosses: m(f.stockTakeLosses),
      revaluationLosses: m(f.revaluationLosses),
      forceMajeure: m(f.forceMajeure),
      total: m(decreases),
    },
  };
};

const verdictOf = (rate: Rate | undefined): AppreciationVerdict | undefined => {
  if (rate === undefined) return undefined;
  const against = rate.compare(Rate.of(1n, 1n));
  return against > 0 ? 'appreciated' : against === 0 ? 'preserved' : 'lost-value';
};

const appreciationOf = (state: AssetsState, group: VillageGroup): Appreciation => {
  const equity: EquityFen = { opening: 0n, closing: 0n, capital: 0n };
  const factors: FactorSums = noFactors();
  for (const { organizationId } of group.villages) {
    addEquity(equity, state.balances.get(organizationId) ?? new Map());
    addFactors(factors, assetsOf(state, organizationId).factors);
  }
  const parts = factorsOf(factors, equity.capital);
  const adjusted = Money.fromFen(equity.closing).minus(parts.increases.total).plus(parts.decreases.total);
  // A rate of equity only means something when there was equity to preserve.
  const rate = equity.opening > 0n ? Rate.of(adjusted, Money.fromFen(equity.opening)) : undefined;
  return {
    villages: group.villages.length,
    openingEquity: Money.fromFen(equity.opening),
    closingEquity: Money.fromFen(equity.closing),
    ...parts,
    adjustedClosingEquity: adjusted,
    rate,
    verdict: verdictOf(rate),
  };
};

export interface AppreciationGroup {
  readonly id: string | undefined;
  readonly code: string | undefined;
  readonly name: string | undefined;
  readonly appreciation: Appreciation;
}

export interface AppreciationReport {
  readonly window: Window;
  readonly total: AppreciationGroup;
  readonly townships: readonly AppreciationGroup[];
  readonly villages: readonly AppreciationGroup[];
}

const named = (state: AssetsState, group: VillageGroup): AppreciationGroup => ({
  id: group.node?.organizationId,
  code: group.node?.code,
  name: group.node?.name,
  appreciation: appreciationOf(state, group),
});

/**
 * 资产保值增值 of a fiscal year (the window) for the scope as a whole, each
 * township and each village. Equity comes from the ledger; the objective
 * factors from the asset register's events of the year and, for capital
 * injected, from what vouchers credited to 301 资本 in the year.
 */
export const appreciationReportOf = (state: AssetsState, scope: Scope, window: Window): AppreciationReport => {
  const groups = groupsOf(state, scope);
  return {
    window,
    total: named(state, groups.total),
    townships: groups.townships.map((g) => named(state, g)),
    villages: groups.villages.map((g) => named(state, g)),
  };
};
