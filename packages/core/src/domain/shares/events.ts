import { defineOrganizationEvent } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import { ShareCharterAdoptedData } from './charter-events.js';
import { DividendsDeclaredData, DividendsPaidData, IncomeDistributedData } from './distribution-events.js';
import { SharesInheritedData, SharesQuantifiedData, SharesTransferredData, SharesWithdrawnData } from './register-events.js';

export * from './charter-events.js';
export * from './register-events.js';
export * from './distribution-events.js';

export const shareCharterAdopted = defineOrganizationEvent('ShareCharterAdopted', ShareCharterAdoptedData);
export const sharesQuantified = defineOrganizationEvent('SharesQuantified', SharesQuantifiedData);
export const sharesInherited = defineOrganizationEvent('SharesInherited', SharesInheritedData);
export const sharesTransferred = defineOrganizationEvent('SharesTransferred', SharesTransferredData);
export const sharesWithdrawn = defineOrganizationEvent('SharesWithdrawn', SharesWithdrawnData);
export const incomeDistributed = defineOrganizationEvent('IncomeDistributed', IncomeDistributedData);
export const dividendsDeclared = defineOrganizationEvent('DividendsDeclared', DividendsDeclaredData);
export const dividendsPaid = defineOrganizationEvent('DividendsPaid', DividendsPaidData);

export type ShareCharterAdopted = DomainEvent<'ShareCharterAdopted', ShareCharterAdoptedData>;
export type SharesQuantified = DomainEvent<'SharesQuantified', SharesQuantifiedData>;
export type SharesInherited = DomainEvent<'SharesInherited', SharesInheritedData>;
export type SharesTransferred = DomainEvent<'SharesTransferred', SharesTransferredData>;
export type SharesWithdrawn = DomainEvent<'SharesWithdrawn', SharesWithdrawnData>;
export type IncomeDistributed = DomainEvent<'IncomeDistributed', IncomeDistributedData>;
export type DividendsDeclared = DomainEvent<'DividendsDeclared', DividendsDeclaredData>;
export type DividendsPaid = DomainEvent<'DividendsPaid', DividendsPaidData>;

/** The share register's events (股权台账); they live in the village's `shares-<village>` stream. */
export type ShareRegisterEvent = ShareCharterAdopted | SharesQuantified | SharesInherited | SharesTransferred | SharesWithdrawn;

/**
 * The distribution's events; they live in the ledger-year stream of their
 * business date, appended with the voucher they imply (`origin: shares`).
 */
export type DistributionEvent = IncomeDistributed | DividendsDeclared | DividendsPaid;

export type ShareEvent = ShareRegisterEvent | DistributionEvent;

export const shareRegisterEvents = [shareCharterAdopted, sharesQuantified, sharesInherited, sharesTransferred, sharesWithdrawn] as const;
export const distributionEvents = [incomeDistributed, dividendsDeclared, dividendsPaid] as const;
export const shareEvents = [...shareRegisterEvents, ...distributionEvents] as const;

export const shareRegisterEventTypes: readonly ShareRegisterEvent['type'][] = shareRegisterEvents.map((d) => d.type);
export const distributionEventTypes: readonly DistributionEvent['type'][] = distributionEvents.map((d) => d.type);

const REGISTER_TYPES: ReadonlySet<string> = new Set(shareRegisterEventTypes);
const DISTRIBUTION_TYPES: ReadonlySet<string> = new Set(distributionEventTypes);

export const isShareRegisterEvent = (event: DomainEvent): event is ShareRegisterEvent => REGISTER_TYPES.has(event.type);
export const isDistributionEvent = (event: DomainEvent): event is DistributionEvent => DISTRIBUTION_TYPES.has(event.type);

/** A village's share register (股权台账) is one stream. */
export const sharesStream = (organizationId: string): string => `shares-${organizationId}`;
