import type * as t from 'io-ts';
import { defineEvent } from '../../kernel/catalog.js';
import type { DomainEvent, JsonObject } from '../../kernel/event.js';
import {
  DepreciationChargedData,
  FixedAssetAcquiredData,
  FixedAssetDisposedData,
  FixedAssetReclassifiedData,
  FixedAssetRevaluedData,
} from './fixed-events.js';
import { LongTermInvestmentMadeData, LongTermInvestmentRecoveredData } from './investment-events.js';
import { ResourceAssetRegisteredData, ResourceIncomeRecordedData } from './resource-events.js';

/** Every asset event belongs to the village named in its data. */
const assetEvent = <Type extends string, Data extends { readonly organizationId: string }>(type: Type, codec: t.Type<Data, JsonObject>) =>
  defineEvent({ type, codec, schemaVersion: 1, organizationOf: (data: Data) => data.organizationId });

export const resourceAssetRegistered = assetEvent('ResourceAssetRegistered', ResourceAssetRegisteredData);
export const resourceIncomeRecorded = assetEvent('ResourceIncomeRecorded', ResourceIncomeRecordedData);
export const fixedAssetAcquired = assetEvent('FixedAssetAcquired', FixedAssetAcquiredData);
export const depreciationCharged = assetEvent('DepreciationCharged', DepreciationChargedData);
export const fixedAssetRevalued = assetEvent('FixedAssetRevalued', FixedAssetRevaluedData);
export const fixedAssetReclassified = assetEvent('FixedAssetReclassified', FixedAssetReclassifiedData);
export const fixedAssetDisposed = assetEvent('FixedAssetDisposed', FixedAssetDisposedData);
export const longTermInvestmentMade = assetEvent('LongTermInvestmentMade', LongTermInvestmentMadeData);
export const longTermInvestmentRecovered = assetEvent('LongTermInvestmentRecovered', LongTermInvestmentRecoveredData);

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
