import { defineOrganizationEvent } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import {
  DepreciationChargedData,
  FixedAssetAcquiredData,
  FixedAssetDisposedData,
  FixedAssetReclassifiedData,
  FixedAssetRevaluedData,
} from './fixed-events.js';
import { LongTermInvestmentMadeData, LongTermInvestmentRecoveredData } from './investment-events.js';
import { ResourceAssetRegisteredData, ResourceIncomeRecordedData } from './resource-events.js';

export const resourceAssetRegistered = defineOrganizationEvent('ResourceAssetRegistered', ResourceAssetRegisteredData);
export const resourceIncomeRecorded = defineOrganizationEvent('ResourceIncomeRecorded', ResourceIncomeRecordedData);
export const fixedAssetAcquired = defineOrganizationEvent('FixedAssetAcquired', FixedAssetAcquiredData);
export const depreciationCharged = defineOrganizationEvent('DepreciationCharged', DepreciationChargedData);
export const fixedAssetRevalued = defineOrganizationEvent('FixedAssetRevalued', FixedAssetRevaluedData);
export const fixedAssetReclassified = defineOrganizationEvent('FixedAssetReclassified', FixedAssetReclassifiedData);
export const fixedAssetDisposed = defineOrganizationEvent('FixedAssetDisposed', FixedAssetDisposedData);
export const longTermInvestmentMade = defineOrganizationEvent('LongTermInvestmentMade', LongTermInvestmentMadeData);
export const longTermInvestmentRecovered = defineOrganizationEvent('LongTermInvestmentRecovered', LongTermInvestmentRecoveredData);

type Of<Type extends string, Data> = DomainEvent<Type, Data>;

export type ResourceAssetRegistered = Of<'ResourceAssetRegistered', ResourceAssetRegisteredData>;
export type ResourceIncomeRecorded = Of<'ResourceIncomeRecorded', ResourceIncomeRecordedData>;
export type FixedAssetAcquired = Of<'FixedAssetAcquired', FixedAssetAcquiredData>;
export type DepreciationCharged = Of<'DepreciationCharged', DepreciationChargedData>;
export type FixedAssetRevalued = Of<'FixedAssetRevalued', FixedAssetRevaluedData>;
export type FixedAssetReclassified = Of<'FixedAssetReclassified', FixedAssetReclassifiedData>;
export type FixedAssetDisposed = Of<'FixedAssetDisposed', FixedAssetDisposedData>;
export type LongTermInvestmentMade = Of<'LongTermInvestmentMade', LongTermInvestmentMadeData>;
export type LongTermInvestmentRecovered = Of<'LongTermInvestmentRecovered', LongTermInvestmentRecoveredData>;

/** The asset register's events (资产台账). They live in the village's ledger-year streams, beside the vouchers they generate. */
export type AssetEvent =
  | ResourceAssetRegistered
  | ResourceIncomeRecorded
  | FixedAssetAcquired
  | DepreciationCharged
  | FixedAssetRevalued
  | FixedAssetReclassified
  | FixedAssetDisposed
  | LongTermInvestmentMade
  | LongTermInvestmentRecovered;

export const assetEvents = [
  resourceAssetRegistered,
  resourceIncomeRecorded,
  fixedAssetAcquired,
  depreciationCharged,
  fixedAssetRevalued,
  fixedAssetReclassified,
  fixedAssetDisposed,
  longTermInvestmentMade,
  longTermInvestmentRecovered,
] as const;

export const assetEventTypes: readonly AssetEvent['type'][] = assetEvents.map((d) => d.type);

const ASSET_TYPES: ReadonlySet<string> = new Set(assetEventTypes);

export const isAssetEvent = (event: DomainEvent): event is AssetEvent => ASSET_TYPES.has(event.type);
