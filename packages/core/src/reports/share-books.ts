import type { DividendsDeclaredData, DividendsPaidData, IncomeDistributedData } from '../domain/shares/distribution-events.js';
import { distributionEventTypes, isDistributionEvent, isShareRegisterEvent, shareRegisterEventTypes } from '../domain/shares/events.js';
import { evolveShareRegister, initialShareRegister, type ShareRegisterState } from '../domain/shares/share-register.js';
import { memberRegister } from '../domain/organization/member-register.js';
import type { Projection } from '../kernel/projection.js';
import { combineProjections } from '../kernel/projection.js';
import { organizationTree } from './organizations.js';
import { overAnyEvent } from './statement.js';

/** Every village's share register, by village id. */
export type ShareRegisters = ReadonlyMap<string, ShareRegisterState>;

/** What a village's ledger years hold of its distributions, by the fiscal year distributed. */
export interface VillageDistributions {
  readonly plans: Map<number, IncomeDistributedData>;
  readonly declarations: Map<number, DividendsDeclaredData>;
  readonly payments: Map<number, DividendsPaidData[]>;
}

export const shareRegisters: Projection<ShareRegisters> = {
  name: 'share-registers',
  handles: shareRegisterEventTypes,
  init: () => new Map<string, ShareRegisterState>(),
  apply: (state, { event }) => {
    if (!isShareRegisterEvent(event)) return state;
    const registers = state as Map<string, ShareRegisterState>;
    const id = event.data.organizationId;
    registers.set(id, evolveShareRegister(registers.get(id) ?? initialShareRegister(), event));
    return state;
  },
};

const villageIn = (state: Map<string, VillageDistributions>, id: string): VillageDistributions => {
  const found = state.get(id);
  if (found !== undefined) return found;
  const created: VillageDistributions = { plans: new Map(), declarations: new Map(), payments: new Map() };
  state.set(id, created);
  return created;
};

/** The plans, declarations and payments of every village, kept whole (folded forward, in place). */
export const distributions: Projection<ReadonlyMap<string, VillageDistributions>> = {
  name: 'distributions',
  handles: distributionEventTypes,
  init: () => new Map<string, VillageDistributions>(),
  apply: (state, { event }) => {
    if (!isDistributionEvent(event)) return state;
    const village = villageIn(state as Map<string, VillageDistributions>, event.data.organizationId);
    const { year } = event.data;
    if (event.type === 'IncomeDistributed') village.plans.set(year, event.data);
    else if (event.type === 'DividendsDeclared') village.declarations.set(year, event.data);
    else village.payments.set(year, [...(village.payments.get(year) ?? []), event.data]);
    return state;
  },
};

/**
 * What the share reports (`shares`, `dividends`, `distribution`) read, in one
 * pass: the organizations, the member register (names and households), every
 * share register, and every distribution.
 */
export const shareBooksProjection = () =>
  combineProjections('share-books', {
    tree: overAnyEvent(organizationTree),
    members: memberRegister,
    registers: overAnyEvent(shareRegisters),
    distributions: overAnyEvent(distributions),
  });

export type ShareBooks = ReturnType<ReturnType<typeof shareBooksProjection>['init']>;
