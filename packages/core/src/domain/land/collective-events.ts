import type * as t from 'io-ts';
import { NonNegativeYuan, PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { defineOrganizationEvent } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { LandIncomePart } from './kinds.js';

/**
 * 代收流转租金: the collective, as intermediary, received `amount` from the
 * operator into `receivedInto` (101/102): `amount − serviceFee` is held for
 * the households on `heldAccount` (113 内部往来, or 211), `serviceFee` is
 * the collective's own income on `feeAccount` (501, or 504).
 */
export const LandRentCollectedData = struct(
  'a rent collection',
  {
    organizationId: Id,
    transferId: Id,
    collectedOn: IsoDate,
    amount: PositiveYuan,
    serviceFee: NonNegativeYuan,
    receivedInto: AccountCode,
    heldAccount: AccountCode,
    feeAccount: AccountCode,
    voucherNo: NonEmptyString,
  },
  { note: NonEmptyString },
);
export type LandRentCollectedData = t.TypeOf<typeof LandRentCollectedData>;

/** 代付农户: the collective paid a household what it held for it on `heldAccount`, from `paidFrom` (101/102). Household income. */
export const LandIncomePaidOnData = struct(
  'a payment on to a household',
  {
    organizationId: Id,
    transferId: Id,
    householdId: Id,
    part: LandIncomePart,
    paidOn: IsoDate,
    amount: PositiveYuan,
    paidFrom: AccountCode,
    heldAccount: AccountCode,
    voucherNo: NonEmptyString,
  },
  { note: NonEmptyString },
);
export type LandIncomePaidOnData = t.TypeOf<typeof LandIncomePaidOnData>;

/** 流转服务费: the operator paid the collective its service fee on a transfer, into `receivedInto`, income on `feeAccount`. */
export const LandServiceFeeReceivedData = struct(
  'a service fee',
  { organizationId: Id, transferId: Id, receivedOn: IsoDate, amount: PositiveYuan, receivedInto: AccountCode, feeAccount: AccountCode, voucherNo: NonEmptyString },
  { note: NonEmptyString },
);
export type LandServiceFeeReceivedData = t.TypeOf<typeof LandServiceFeeReceivedData>;

export const landRentCollected = defineOrganizationEvent('LandRentCollected', LandRentCollectedData);
export const landIncomePaidOn = defineOrganizationEvent('LandIncomePaidOn', LandIncomePaidOnData);
export const landServiceFeeReceived = defineOrganizationEvent('LandServiceFeeReceived', LandServiceFeeReceivedData);

export type LandRentCollected = DomainEvent<'LandRentCollected', LandRentCollectedData>;
export type LandIncomePaidOn = DomainEvent<'LandIncomePaidOn', LandIncomePaidOnData>;
export type LandServiceFeeReceived = DomainEvent<'LandServiceFeeReceived', LandServiceFeeReceivedData>;

/** Where land touches the collective's books: the events of the land sub-ledger on the village's ledger-year stream. */
export type CollectiveLandEvent = LandRentCollected | LandIncomePaidOn | LandServiceFeeReceived;

export const collectiveLandEvents = [landRentCollected, landIncomePaidOn, landServiceFeeReceived] as const;
export const collectiveLandEventTypes: readonly CollectiveLandEvent['type'][] = collectiveLandEvents.map((d) => d.type);
