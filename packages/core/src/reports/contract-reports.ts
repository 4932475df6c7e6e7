import { Money } from '../money/money.js';
import { AGE_BANDS } from './age-bands.js';
import { arrearsFigures, contractArrears, inArrears, type AgeBandFigures, type ArrearsFigures, type ArrearsPeriod, type ContractArrears } from './arrears-figures.js';
import { cleanupFigures, flaggedAmong, type CleanupFigures, type ContractPeriod, type FlaggedContract } from './contract-cleanup.js';
import { contractGroups, contractsOf, registerOf, type ContractGroup, type ContractRegistersState, type ContractsState } from './contract-projection.js';
import { villageWarnings, WARNING_KINDS, type ContractWarning, type WarningKind, type WarningSettings } from './contract-warnings.js';
import { groupsOf } from './assets-projection.js';
import type { Scope } from './organizations.js';

/** A report over the scope: the scope as a whole, each township and village, and the lines it lists. */
export interface ContractScopeReport<Figures, Line> {
  readonly total: ContractGroup<Figures>;
  readonly townships: readonly ContractGroup<Figures>[];
  readonly villages: readonly ContractGroup<Figures>[];
  readonly lines: readonly Line[];
}

/** 合同清理 of the scope over the period; the lines are the flagged contracts, as of `to`. */
export type CleanupReport = ContractScopeReport<CleanupFigures, FlaggedContract> & { readonly period: ContractPeriod };

export const cleanupReportOf = (state: ContractRegistersState, scope: Scope, period: ContractPeriod): CleanupReport => ({
  period,
  ...contractGroups(state, scope, (contracts) => cleanupFigures(contracts, period)),
  lines: flaggedAmong(
    contractsOf(state, groupsOf(state, scope).total).filter(({ view }) => view.card.registeredOn <= period.to),
    period.to,
  ),
});

/** 欠款清收 of the scope over the period; the lines are the contracts with arrears. */
export type ArrearsReport = ContractScopeReport<ArrearsFigures, ContractArrears> & { readonly period: ArrearsPeriod };

export const arrearsReportOf = (state: ContractsState, scope: Scope, period: ArrearsPeriod): ArrearsReport => ({
  period,
  ...contractGroups(state, scope, (contracts) => arrearsFigures(contracts, period)),
  lines: contractsOf(state, groupsOf(state, scope).total)
    .map((c) => contractArrears(c, period))
    .filter(inArrears),
});

/** The warnings of a group: how many of each kind, and what is overdue by age band. */
export interface WarningCounts {
  readonly warnings: number;
  readonly byKind: readonly { readonly kind: WarningKind; readonly warnings: number }[];
  readonly overdue: { readonly outstanding: Money; readonly byAge: readonly AgeBandFigures[] };
}

export const warningCounts = (warnings: readonly ContractWarning[]): WarningCounts => {
  const overdue = warnings.flatMap((w) => (w.figures.kind === 'overdue' ? [w.figures] : []));
  return {
    warnings: warnings.length,
    byKind: WARNING_KINDS.map((kind) => ({ kind, warnings: warnings.filter((w) => w.figures.kind === kind).length })),
    overdue: {
      outstanding: Money.sum(overdue.map((o) => o.outstanding)),
      byAge: AGE_BANDS.map(({ band }) => {
        const inBand = overdue.filter((o) => o.band === band);
        return { band, instalments: inBand.length, outstanding: Money.sum(inBand.map((o) => o.outstanding)) };
      }),
    },
  };
};

/** 合同预警 of the scope on `settings.on`; the lines are the warnings, village by village. */
export type WarningsReport = ContractScopeReport<WarningCounts, ContractWarning> & { readonly settings: WarningSettings };

export const warningsReportOf = (state: ContractsState, scope: Scope, settings: WarningSettings): WarningsReport => {
  const byVillage = new Map(
    groupsOf(state, scope).total.villages.map(({ organizationId: id }) => [id, villageWarnings(id, registerOf(state, id), state.resources.get(id) ?? new Map(), settings)]),
  );
  const groups = contractGroups(state, scope, (contracts) => warningCounts([...new Set(contracts.map((c) => c.villageId))].flatMap((id) => byVillage.get(id) ?? [])));
  return { settings, ...groups, lines: [...byVillage.values()].flat() };
};
