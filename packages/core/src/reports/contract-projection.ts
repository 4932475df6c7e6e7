import type { ResourceAssetRegistered } from '../domain/assets/events.js';
import type { ResourceKind } from '../domain/assets/kinds.js';
import { contractRegisters, contractReviewRegisters, emptyContractRegister, type ContractRegister, type ContractView } from '../domain/contracts/index.js';
import { PersistentMap } from '../kernel/persistent-map.js';
import { combineProjections, type Projection } from '../kernel/projection.js';
import { groupsOf, type VillageGroup } from './assets-projection.js';
import { organizationTree, type Scope } from './organizations.js';
import { overAnyEvent } from './statement.js';

/** The kind of every resource on each village's asset register, by village then asset id: a contract's legal term limit may depend on it. */
export type ResourceKinds = PersistentMap<string, PersistentMap<string, ResourceKind>>;

export const resourceKinds: Projection<ResourceKinds, ResourceAssetRegistered> = {
  name: 'resource-kinds',
  handles: ['ResourceAssetRegistered'],
  init: () => PersistentMap.empty(),
  apply: (state, { event: { data } }) =>
    state.set(data.organizationId, (state.get(data.organizationId) ?? PersistentMap.empty<string, ResourceKind>()).set(data.assetId, data.kind)),
};

/** What the contract reports read, in one pass: the organizations, every village's contract register with history, and its resources' kinds. Replay it up to the report's date. */
export const contractsProjection = () =>
  combineProjections('contracts', {
    tree: overAnyEvent(organizationTree),
    registers: overAnyEvent(contractRegisters),
    resources: overAnyEvent(resourceKinds),
  });

export type ContractsState = ReturnType<ReturnType<typeof contractsProjection>['init']>;

/** What the clean-up reads: the organizations and every village's register without recognitions and payments (`contractReviewRegisters`). */
export const contractReviewsProjection = () =>
  combineProjections('contract-reviews', {
    tree: overAnyEvent(organizationTree),
    registers: overAnyEvent(contractReviewRegisters),
  });

/** The organizations and every village's contract register: what every contract report reads. */
export type ContractRegistersState = Pick<ContractsState, 'tree' | 'registers'>;

/** A village's contract register; a village with no contracts has an empty one. */
export const registerOf = (state: Pick<ContractsState, 'registers'>, villageId: string): ContractRegister => state.registers.get(villageId) ?? emptyContractRegister();

/** A contract of a village, with the village it belongs to. */
export interface VillageContract {
  readonly villageId: string;
  readonly view: ContractView;
}

/** The contracts of a group's villages: village by village (in the group's order), each in the order registered. */
export const contractsOf = (state: Pick<ContractsState, 'registers'>, group: VillageGroup): VillageContract[] =>
  group.villages.flatMap(({ organizationId }) => [...registerOf(state, organizationId).values()].map((view) => ({ villageId: organizationId, view })));

/** A group a contract report adds up, with its figures. */
export interface ContractGroup<Figures> {
  readonly id: string | undefined;
  readonly code: string | undefined;
  readonly name: string | undefined;
  readonly villages: number;
  readonly figures: Figures;
}

/** The scope as a whole, each township and each village, with the figures `figuresOf` computes from the group's contracts. */
export const contractGroups = <Figures>(
  state: ContractRegistersState,
  scope: Scope,
  figuresOf: (contracts: readonly VillageContract[]) => Figures,
): { total: ContractGroup<Figures>; townships: ContractGroup<Figures>[]; villages: ContractGroup<Figures>[] } => {
  const groups = groupsOf(state, scope);
  const named = (group: VillageGroup): ContractGroup<Figures> => ({
    id: group.node?.organizationId,
    code: group.node?.code,
    name: group.node?.name,
    villages: group.villages.length,
    figures: figuresOf(contractsOf(state, group)),
  });
  return { total: named(groups.total), townships: groups.townships.map(named), villages: groups.villages.map(named) };
};
