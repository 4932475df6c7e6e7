import { chartsProjection } from '../domain/ledger/chart/index.js';
import { combineProjections } from '../kernel/projection.js';
import { assetActivity, noFactors, type VillageAssets } from './asset-activity.js';
import { accountBalances, type Window } from './balances.js';
import { districtOf, organizationTree, townshipsIn, villagesIn, type OrganizationNode, type Scope } from './organizations.js';
import { overAnyEvent, type StatementState } from './statement.js';
import { emptyRegister } from '../domain/assets/asset-register.js';

/**
 * What the asset reports read, in one pass: the organizations, the account
 * balances and charts (as for the statements), and every village's asset
 * register with the window's objective factors and resource income. Replay it
 * up to `window.to`.
 */
export const assetsProjection = (window: Window) =>
  combineProjections(`assets ${window.from}..${window.to}`, {
    tree: overAnyEvent(organizationTree),
    balances: overAnyEvent(accountBalances(window)),
    charts: overAnyEvent(chartsProjection),
    assets: overAnyEvent(assetActivity(window)),
  });

/** The state of `assetsProjection`: the statements' state and every village's assets. */
export type AssetsState = ReturnType<ReturnType<typeof assetsProjection>['init']>;

const NONE: VillageAssets = { register: emptyRegister(), factors: noFactors(), resourceIncome: new Map<string, bigint>() };

/** A village's assets; a village that recorded none has an empty register. */
export const assetsOf = (state: AssetsState, villageId: string): VillageAssets => state.assets.get(villageId) ?? NONE;

/** A group of villages a report adds up: the whole scope (named by its village, township or district), a township, or one village. */
export interface VillageGroup {
  readonly node: OrganizationNode | undefined;
  readonly villages: readonly OrganizationNode[];
}

/** What names the scope: its village, its township, or the one district it lies in. */
const scopeNode = (state: Pick<StatementState, 'tree'>, scope: Scope): OrganizationNode | undefined => {
  const id = scope.village ?? scope.township;
  return id === undefined ? districtOf(state.tree, scope) : state.tree.get(id);
};

/** The scope as a whole, each of its townships, and each of its villages, in code order. */
export const groupsOf = (state: Pick<StatementState, 'tree'>, scope: Scope): { total: VillageGroup; townships: VillageGroup[]; villages: VillageGroup[] } => {
  const villages = villagesIn(state.tree, scope);
  return {
    total: { node: scopeNode(state, scope), villages },
    townships: townshipsIn(state.tree, scope).map((node) => ({ node, villages: villagesIn(state.tree, { ...scope, township: node.organizationId }) })),
    villages: villages.map((node) => ({ node, villages: [node] })),
  };
};
