import type { DomainEvent } from '../kernel/event.js';
import { combineProjections, type Projection } from '../kernel/projection.js';
import { Money } from '../money/money.js';
import { chartOfVillage, chartsProjection, type Chart, type Charts } from '../domain/ledger/chart/index.js';
import { accountBalances, type AccountTotals, type Balances, type Window } from './balances.js';
import { organizationTree, villagesIn, type OrganizationNode, type OrganizationTree, type Scope } from './organizations.js';

/** What the statements are computed from: the organizations, the account balances over a window, the charts. */
export interface StatementState {
  readonly tree: OrganizationTree;
  readonly balances: Balances;
  readonly charts: Charts;
}

/**
 * A projection seen as one over any event. Safe for a projection that lists
 * `handles`: `combineProjections` only passes it the event types it handles.
 */
export const overAnyEvent = <S, E extends DomainEvent>(projection: Projection<S, E>): Projection<S> =>
  projection as unknown as Projection<S>;

/** One pass over the store for every statement: organizations, balances over `window`, villages' charts. */
export const statementsProjection = (window: Window) =>
  combineProjections(`statements ${window.from}..${window.to}`, {
    tree: overAnyEvent(organizationTree),
    balances: overAnyEvent(accountBalances(window)),
    charts: overAnyEvent(chartsProjection),
  });

/** One village's figures over the window, and its chart. */
export interface VillageBooks {
  readonly village: OrganizationNode;
  readonly totals: ReadonlyMap<string, AccountTotals>;
  readonly chart: Chart;
}

const NO_TOTALS: ReadonlyMap<string, AccountTotals> = new Map();

/** The books of every village a scope covers, in `villagesIn` order. */
export const booksIn = (state: StatementState, scope: Scope = {}): VillageBooks[] =>
  villagesIn(state.tree, scope).map((village) => ({
    village,
    totals: state.balances.get(village.organizationId) ?? NO_TOTALS,
    chart: chartOfVillage(state.charts, village.organizationId),
  }));

/** A sum of totals a report adds up in a map of its own (never a projection's state). */
export type TotalsSum = { -readonly [K in keyof AccountTotals]: AccountTotals[K] };

export const emptyTotals = (): TotalsSum => ({ opening: 0n, debit: 0n, credit: 0n, closingDebit: 0n, closingCredit: 0n });

/** Add `from` into `into`, field by field. */
export const addTotals = (into: TotalsSum, from: AccountTotals): void => {
  into.opening += from.opening;
  into.debit += from.debit;
  into.credit += from.credit;
  into.closingDebit += from.closingDebit;
  into.closingCredit += from.closingCredit;
};

/** The totals of every account of several villages added up by code (the same code in two villages is one row). */
export const sumByCode = (books: readonly VillageBooks[], key: (code: string) => string = (code) => code): Map<string, AccountTotals> => {
  const sums = new Map<string, TotalsSum>();
  for (const { totals } of books) {
    for (const [code, figures] of totals) {
      const target = key(code);
      let sum = sums.get(target);
      if (sum === undefined) sums.set(target, (sum = emptyTotals()));
      addTotals(sum, figures);
    }
  }
  return sums;
};

/**
 * A line of a statement: a stable `key` (the JSON and CSV key), the Chinese and
 * English labels, the account codes it is computed from, and the amount.
 * `kind`: `item` is added into its section's total, `memo` is shown but not
 * added (固定资产原值 and 累计折旧, whose net is the item), `subtotal` and `total`
 * are computed from other lines.
 */
export interface StatementLine {
  readonly key: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly accounts: readonly string[];
  readonly amount: Money;
  readonly kind: 'item' | 'memo' | 'subtotal' | 'total';
}

/** Code-point order, the same on every machine and locale. */
export { byCodePoint } from '../kernel/code-point.js';

export const money = (fen: bigint): Money => Money.fromFen(fen);
