import { PersistentMap } from '../../kernel/persistent-map.js';
import type { Area } from '../../money/area.js';
import type { Dec } from '../../money/decimal.js';
import type { Money } from '../../money/money.js';
import type { LandEvent } from './events.js';
import type { LandIncomePart, ParcelKind, TransferChannel } from './kinds.js';
import type { Certificate } from './parcel-events.js';
import type { HouseholdDividend } from './payment-events.js';
import type { Operator, TransferTerms } from './transfer-events.js';
import { evolveParcels } from './register-parcels.js';
import { evolveTransfers } from './register-transfers.js';

/** 承包地 as the register holds it. `transfers`: the ids of every transfer that ever took part of it. */
export interface ParcelRecord {
  readonly parcelId: string;
  readonly householdId: string;
  readonly area: Area;
  readonly kind: ParcelKind;
  readonly contractStartsOn: string;
  readonly contractEndsOn: string;
  readonly location: string | undefined;
  readonly certificate: Certificate | undefined;
  readonly transfers: readonly string[];
}

/** A parcel's part in a transfer, with the household that contracted it. */
export interface TransferPart {
  readonly parcelId: string;
  readonly householdId: string;
  readonly area: Area;
}

/** A reference price of grain from a date on. */
export interface PriceFrom {
  readonly from: string;
  readonly pricePerKg: Dec;
}

/** A transfer as the register holds it. `endedOn`: the day it was terminated or reassigned (the land is free from that day). */
export interface TransferRecord {
  readonly transferId: string;
  readonly operator: Operator;
  readonly channel: TransferChannel;
  readonly signedOn: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly endedOn: string | undefined;
  readonly status: 'active' | 'terminated' | 'reassigned';
  readonly parts: readonly TransferPart[];
  readonly terms: TransferTerms;
  readonly prices: readonly PriceFrom[];
  readonly dueDates: readonly string[];
  readonly serviceFeePerMu: Money | undefined;
  readonly reassignedTo: string | undefined;
  readonly reassignedFrom: string | undefined;
}

/**
 * 土地承包与流转台账 of one village: live parcels, the ids of parcels split
 * or merged away, transfers, declared land dividends and what was paid on
 * each (transfer, household, part). Immutable.
 */
export interface LandRegister {
  readonly lastDate: string | undefined;
  readonly parcels: PersistentMap<string, ParcelRecord>;
  readonly retired: PersistentMap<string, string>;
  readonly transfers: PersistentMap<string, TransferRecord>;
  readonly dividends: PersistentMap<string, readonly HouseholdDividend[]>;
  readonly paid: PersistentMap<string, bigint>;
  readonly payments: PersistentMap<string, string>;
}

const EMPTY: LandRegister = {
  lastDate: undefined,
  parcels: PersistentMap.empty(),
  retired: PersistentMap.empty(),
  transfers: PersistentMap.empty(),
  dividends: PersistentMap.empty(),
  paid: PersistentMap.empty(),
  payments: PersistentMap.empty(),
};

export const emptyLandRegister = (): LandRegister => EMPTY;

/** The key of what was paid to a household on a transfer, by part. */
export const paidKey = (transferId: string, householdId: string, part: LandIncomePart): string => `${transferId}\u0000${householdId}\u0000${part}`;

/** The key of a year's dividend of a transfer. */
export const dividendKey = (transferId: string, year: number): string => `${transferId}\u0000${String(year)}`;

/** The business date of a land event. */
export const landDateOf = (event: LandEvent): string => {
  switch (event.type) {
    case 'ParcelContracted':
      return event.data.contractedOn;
    case 'ParcelCertified':
      return event.data.certifiedOn;
    case 'ParcelSplit':
      return event.data.splitOn;
    case 'ParcelsMerged':
      return event.data.mergedOn;
    case 'LandTransferred':
      return event.data.signedOn;
    case 'LandTransferTerminated':
      return event.data.terminatedOn;
    case 'LandTransferRenewed':
      return event.data.renewedOn;
    case 'LandTransferReassigned':
      return event.data.reassignedOn;
    case 'GrainPriceReviewed':
      return event.data.reviewedOn;
    case 'LandDividendDeclared':
      return event.data.declaredOn;
    case 'LandIncomePaid':
      return event.data.paidOn;
  }
};

const evolvePayments = (register: LandRegister, event: LandEvent): LandRegister => {
  if (event.type === 'LandDividendDeclared') {
    const d = event.data;
    return { ...register, dividends: register.dividends.set(dividendKey(d.transferId, d.year), d.dividends) };
  }
  if (event.type !== 'LandIncomePaid') return register;
  const d = event.data;
  const key = paidKey(d.transferId, d.householdId, d.part);
  return { ...register, paid: register.paid.set(key, (register.paid.get(key) ?? 0n) + d.amount.toFen()), payments: register.payments.set(d.paymentId, d.paidOn) };
};

/** The register after one of its events (the decider has checked it). */
export const applyLandEvent = (register: LandRegister, event: LandEvent): LandRegister => {
  const next = evolvePayments(evolveTransfers(evolveParcels(register, event), event), event);
  const date = landDateOf(event);
  return next.lastDate !== undefined && next.lastDate >= date ? next : { ...next, lastDate: date };
};
