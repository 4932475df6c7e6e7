import type { DividendsDeclaredData, DividendsPaidData, IncomeDistributedData } from '../domain/shares/distribution-events.js';
import { distributionEventTypes, isDistributionEvent, isShareRegisterEvent, shareRegisterEventTypes } from '../domain/shares/events.js';
import { evolveShareRegister, initialShareRegister, type ShareRegisterState } from '../domain/shares/share-register.js';
import { memberRegister } from '../domain/organization/member-register.js';
import { PersistentMap } from '../kernel/persistent-map.js';
import type { Projection } from '../kernel/projection.js';
import { combineProjections } from '../kernel/projection.js';
import { organizationTree } from './organizations.js';
import { overAnyEvent } from './statement.js';

/** Every village's share register, by village id. */
export type ShareRegisters = ReadonlyMap<string, ShareRegisterState>;

/** What a village's ledger years hold of its distributions, by the fiscal year distributed. */
export interface VillageDistributions {
  readonly plans: ReadonlyMap<number, IncomeDistributedData>;
  readonly declarations: ReadonlyMap<number, DividendsDeclaredData>;
  readonly payments: ReadonlyMap<number, readonly DividendsPaidData[]>;
}

/** A village's distributions as the projection keeps them, each change a new value. */
export interface VillageDistributionsState extends VillageDistributions {
  readonly plans: PersistentMap<number, IncomeDistributedData>;
  readonly declarations: PersistentMap<number, DividendsDeclaredData>;
  readonly payments: PersistentMap<number, readonly DividendsPaidData[]>;
}

export const shareRegisters: Projection<PersistentMap<string, ShareRegisterState>> = {
  name: 'share-registers',
  handles: shareRegisterEventTypes,
  init: () => PersistentMap.empty(),
  apply: (registers, { event }) => {
    if (!isShareRegisterEvent(event)) return registers;
    const id = event.data.organizationId;
    return registers.set(id, evolveShareRegister(registers.get(id) ?? initialShareRegister(), event));
  },
};

const NO_DISTRIBUTIONS: VillageDistributionsState = { plans: PersistentMap.empty(), declarations: PersistentMap.empty(), payments: PersistentMap.empty() };

/** The plans, declarations and payments of every village, kept whole; each event gives a new state sharing the rest. */
export const distributions: Projection<PersistentMap<string, VillageDistributionsState>> = {
  name: 'distributions',
  handles: distributionEventTypes,
  init: () => PersistentMap.empty(),
  apply: (state, { event }) => {
    if (!isDistributionEvent(event)) return state;
    const id = event.data.organizationId;
    const village = state.get(id) ?? NO_DISTRIBUTIONS;
    const { year } = event.data;
    if (event.type === 'IncomeDistributed') return state.set(id, { ...village, plans: village.plans.set(year, event.data) });
    if (event.type === 'DividendsDeclared') return state.set(id, { ...village, declarations: village.declarations.set(year, event.data) });
    return state.set(id, { ...village, payments: village.payments.set(year, [...(village.payments.get(year) ?? []), event.data]) });
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
