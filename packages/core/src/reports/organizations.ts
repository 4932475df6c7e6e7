import { PersistentMap } from '../kernel/persistent-map.js';
import type { Projection } from '../kernel/projection.js';
import type { OrganizationKind, OrganizationRegistered } from '../domain/organization/events.js';

export interface OrganizationNode {
  readonly organizationId: string;
  readonly kind: OrganizationKind;
  readonly code: string;
  readonly name: string;
  readonly parentId: string | undefined;
}

/** Every registered district, township and village, by id. */
export type OrganizationTree = ReadonlyMap<string, OrganizationNode>;

/** The organization hierarchy, for rolling villages up into townships and districts. */
export const organizationTree: Projection<PersistentMap<string, OrganizationNode>, OrganizationRegistered> = {
  name: 'organization-tree',
  handles: ['OrganizationRegistered'],
  init: () => PersistentMap.empty(),
  apply: (tree, { event: { data } }) =>
    tree.set(data.organizationId, {
      organizationId: data.organizationId,
      kind: data.kind,
      code: data.code,
      name: data.name,
      parentId: data.parentId,
    }),
};

/** The organization and its ancestors, nearest first. */
export const ancestorsOf = (tree: OrganizationTree, organizationId: string): OrganizationNode[] => {
  const chain: OrganizationNode[] = [];
  for (let node = tree.get(organizationId); node !== undefined && chain.length < 8; node = tree.get(node.parentId ?? '')) {
    chain.push(node);
  }
  return chain;
};

/** The township (or district) of a village: its nearest ancestor of that kind. */
export const ancestorOfKind = (tree: OrganizationTree, organizationId: string, kind: OrganizationKind): OrganizationNode | undefined =>
  ancestorsOf(tree, organizationId).find((node) => node.kind === kind && node.organizationId !== organizationId);

/** What a report covers: one village, the villages of one township or district, or every village. */
export interface Scope {
  readonly village?: string;
  readonly township?: string;
  readonly district?: string;
}

/** The villages a scope covers, in code order then id, so reports list them stably. */
export const villagesIn = (tree: OrganizationTree, scope: Scope = {}): OrganizationNode[] => {
  const within = (node: OrganizationNode, id: string | undefined): boolean =>
    id === undefined || ancestorsOf(tree, node.organizationId).some((a) => a.organizationId === id);
  return [...tree.values()]
    .filter((node) => node.kind === 'village')
    .filter((node) => within(node, scope.village) && within(node, scope.township) && within(node, scope.district))
    .sort((a, b) => a.code.localeCompare(b.code) || a.organizationId.localeCompare(b.organizationId));
};

/** A scope naming an organization that is not registered (or of the wrong kind) is a user error. */
export const checkScope = (tree: OrganizationTree, scope: Scope): string | undefined => {
  for (const kind of ['village', 'township', 'district'] as const) {
    const id = scope[kind];
    if (id !== undefined && tree.get(id)?.kind !== kind) return `--${kind}: no ${kind} ${id} is registered`;
  }
  return undefined;
};

const isWithin = (tree: OrganizationTree, node: OrganizationNode, ancestorId: string | undefined): boolean => {
  if (ancestorId === undefined) return true;
  for (let at: OrganizationNode | undefined = node; at !== undefined; at = tree.get(at.parentId ?? '')) {
    if (at.organizationId === ancestorId) return true;
  }
  return false;
};

/** The townships a scope covers (those of its district, its own township, a village's township), in code order. */
export const townshipsIn = (tree: OrganizationTree, scope: Scope = {}): OrganizationNode[] => {
  const villageTownship = scope.village === undefined ? undefined : (ancestorOfKind(tree, scope.village, 'township')?.organizationId ?? '');
  return [...tree.values()]
    .filter((node) => node.kind === 'township' && isWithin(tree, node, scope.district))
    .filter((node) => [scope.township, villageTownship].every((id) => id === undefined || id === node.organizationId))
    .sort((a, b) => a.code.localeCompare(b.code) || a.organizationId.localeCompare(b.organizationId));
};

/** The one district a scope lies in; with no scope, the ledger's district if it holds exactly one. */
export const districtOf = (tree: OrganizationTree, scope: Scope): OrganizationNode | undefined => {
  const id = scope.village ?? scope.township ?? scope.district;
  if (id !== undefined) return tree.get(id)?.kind === 'district' ? tree.get(id) : ancestorOfKind(tree, id, 'district');
  const districts = [...tree.values()].filter((node) => node.kind === 'district');
  return districts.length === 1 ? districts[0] : undefined;
};
