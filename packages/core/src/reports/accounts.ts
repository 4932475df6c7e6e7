import { chartsProjection, type AccountDefinition, type Chart } from '../domain/ledger/chart/index.js';
import { combineProjections } from '../kernel/projection.js';
import { organizationTree } from './organizations.js';
import { overAnyEvent } from './statement.js';

/** One account of a chart, as the `accounts` report lists it: its definition, and its place in the chart. */
export interface AccountRow extends AccountDefinition {
  /** No sub-accounts: vouchers post to it. */
  readonly leaf: boolean;
  /** 1 for a standard account, 2 for its sub-accounts, and so on. */
  readonly level: number;
}

/**
 * 会计科目表: every account of a chart (the standard chart, or a village's
 * with its sub-accounts), in code order, each parent just before its
 * sub-accounts.
 */
export const chartOfAccounts = (chart: Chart): AccountRow[] =>
  chart.accounts().map((a) => ({ ...a, leaf: chart.isLeaf(a.code), level: (a.code.length - 1) / 2 }));

/** What the accounts report replays: the organizations (to check `--village`) and every village's chart. */
export const accountsProjection = () =>
  combineProjections('accounts', { tree: overAnyEvent(organizationTree), charts: overAnyEvent(chartsProjection) });
