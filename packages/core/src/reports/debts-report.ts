import { combineProjections } from '../kernel/projection.js';
import { debtFigures, debtOn, type DebtFigures, type DebtOnDate, type DebtPeriod } from './debt-figures.js';
import { debtHistories, type DebtHistory } from './debt-history.js';
import { groupsOf, type VillageGroup } from './assets-projection.js';
import { organizationTree, type Scope } from './organizations.js';
import { overAnyEvent } from './statement.js';

/** What the debt report reads, in one pass: the organizations and every village's debts. Replay it up to the period's end. */
export const debtsProjection = () =>
  combineProjections('debts', {
    tree: overAnyEvent(organizationTree),
    debts: overAnyEvent(debtHistories),
  });

export type DebtsState = ReturnType<ReturnType<typeof debtsProjection>['init']>;

export interface DebtGroup {
  readonly id: string | undefined;
  readonly code: string | undefined;
  readonly name: string | undefined;
  readonly figures: DebtFigures;
}

export interface DebtsReport {
  readonly period: DebtPeriod;
  readonly total: DebtGroup;
  readonly townships: readonly DebtGroup[];
  readonly villages: readonly DebtGroup[];
  /** Every debt of the scope recorded by the period's end, by village then debt id, as it stood then. */
  readonly debts: readonly DebtOnDate[];
}

const debtsOf = (state: DebtsState, group: VillageGroup): DebtHistory[] =>
  group.villages.flatMap(({ organizationId }) => [...(state.debts.get(organizationId)?.values() ?? [])].sort((a, b) => (a.debtId < b.debtId ? -1 : a.debtId > b.debtId ? 1 : 0)));

/**
 * 不良债务化解 of the scope over the period: the scope as a whole, each
 * township and each village (a roll-up over the organization tree), and
 * each debt with its resolutions and what it still owes.
 */
export const debtsReportOf = (state: DebtsState, scope: Scope, period: DebtPeriod): DebtsReport => {
  const groups = groupsOf(state, scope);
  const named = (group: VillageGroup): DebtGroup => ({
    id: group.node?.organizationId,
    code: group.node?.code,
    name: group.node?.name,
    figures: debtFigures(debtsOf(state, group), group.villages.length, period),
  });
  return {
    period,
    total: named(groups.total),
    townships: groups.townships.map(named),
    villages: groups.villages.map(named),
    debts: debtsOf(state, groups.total).filter((d) => d.recordedOn <= period.to).map((d) => debtOn(d, period.to)),
  };
};
