import { defineOrganizationEvent } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import { ParcelCertifiedData, ParcelContractedData, ParcelsMergedData, ParcelSplitData } from './parcel-events.js';
import { LandDividendDeclaredData, LandIncomePaidData, WagesPaidData } from './payment-events.js';
import { GrainPriceReviewedData, LandTransferReassignedData, LandTransferredData, LandTransferRenewedData, LandTransferTerminatedData } from './transfer-events.js';

export const parcelContracted = defineOrganizationEvent('ParcelContracted', ParcelContractedData);
export const parcelCertified = defineOrganizationEvent('ParcelCertified', ParcelCertifiedData);
export const parcelSplit = defineOrganizationEvent('ParcelSplit', ParcelSplitData);
export const parcelsMerged = defineOrganizationEvent('ParcelsMerged', ParcelsMergedData);
export const landTransferred = defineOrganizationEvent('LandTransferred', LandTransferredData);
export const landTransferTerminated = defineOrganizationEvent('LandTransferTerminated', LandTransferTerminatedData);
export const landTransferRenewed = defineOrganizationEvent('LandTransferRenewed', LandTransferRenewedData);
export const landTransferReassigned = defineOrganizationEvent('LandTransferReassigned', LandTransferReassignedData);
export const grainPriceReviewed = defineOrganizationEvent('GrainPriceReviewed', GrainPriceReviewedData);
export const landDividendDeclared = defineOrganizationEvent('LandDividendDeclared', LandDividendDeclaredData);
export const landIncomePaid = defineOrganizationEvent('LandIncomePaid', LandIncomePaidData);
export const wagesPaid = defineOrganizationEvent('WagesPaid', WagesPaidData);

export type ParcelContracted = DomainEvent<'ParcelContracted', ParcelContractedData>;
export type ParcelCertified = DomainEvent<'ParcelCertified', ParcelCertifiedData>;
export type ParcelSplit = DomainEvent<'ParcelSplit', ParcelSplitData>;
export type ParcelsMerged = DomainEvent<'ParcelsMerged', ParcelsMergedData>;
export type LandTransferred = DomainEvent<'LandTransferred', LandTransferredData>;
export type LandTransferTerminated = DomainEvent<'LandTransferTerminated', LandTransferTerminatedData>;
export type LandTransferRenewed = DomainEvent<'LandTransferRenewed', LandTransferRenewedData>;
export type LandTransferReassigned = DomainEvent<'LandTransferReassigned', LandTransferReassignedData>;
export type GrainPriceReviewed = DomainEvent<'GrainPriceReviewed', GrainPriceReviewedData>;
export type LandDividendDeclared = DomainEvent<'LandDividendDeclared', LandDividendDeclaredData>;
export type LandIncomePaid = DomainEvent<'LandIncomePaid', LandIncomePaidData>;
export type WagesPaid = DomainEvent<'WagesPaid', WagesPaidData>;

/** 土地承包与流转台账: the events of a village's `land-<villageId>` stream. */
export type LandEvent =
  | ParcelContracted
  | ParcelCertified
  | ParcelSplit
  | ParcelsMerged
  | LandTransferred
  | LandTransferTerminated
  | LandTransferRenewed
  | LandTransferReassigned
  | GrainPriceReviewed
  | LandDividendDeclared
  | LandIncomePaid;

export const landEvents = [
  parcelContracted,
  parcelCertified,
  parcelSplit,
  parcelsMerged,
  landTransferred,
  landTransferTerminated,
  landTransferRenewed,
  landTransferReassigned,
  grainPriceReviewed,
  landDividendDeclared,
  landIncomePaid,
] as const;

export const landEventTypes: readonly LandEvent['type'][] = landEvents.map((d) => d.type);

const LAND_TYPES: ReadonlySet<string> = new Set(landEventTypes);
export const isLandEvent = (event: DomainEvent): event is LandEvent => LAND_TYPES.has(event.type);

/** The village's land register: parcels, transfers, land shares and what operators paid households on them. */
export const landStream = (villageId: string): string => `land-${villageId}`;

/** A household's income kept apart from the collective's books: wages paid to members of the village's households in `year`. */
export const householdIncomeStream = (villageId: string, year: number | string): string => `household-income-${villageId}-${String(year)}`;

const INCOME_STREAM = /^household-income-.+-(\d{4})$/;

/** The year of a `household-income-<villageId>-<year>` stream; `undefined` for any other stream. */
export const householdIncomeStreamYear = (streamId: string): number | undefined => {
  const year = INCOME_STREAM.exec(streamId)?.[1];
  return year === undefined ? undefined : Number(year);
};
