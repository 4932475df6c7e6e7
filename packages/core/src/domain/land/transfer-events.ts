import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { AreaMu, PositiveDecimalString, PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { LandTerminationReason, OperatorKind, TransferChannel } from './kinds.js';

/** 流入方: who takes the management right; `reference` its id elsewhere (a credit code). A counterparty, not an organization of the tree. */
export const Operator = struct('an operator', { name: NonEmptyString, kind: OperatorKind }, { reference: Id });
export type Operator = t.TypeOf<typeof Operator>;

/** 书面同意: a household's written consent to the transfer, signed on `signedOn`, `document` naming the paper (its number or file). */
export const Consent = struct('a consent', { householdId: Id, signedOn: IsoDate, document: NonEmptyString }, {});
export type Consent = t.TypeOf<typeof Consent>;
export const Consents = arrayOf(Consent);

/** A parcel in a transfer: the part of its area whose management right passes. */
export const TransferredParcel = struct('a transferred parcel', { parcelId: Id, area: AreaMu }, {});
export type TransferredParcel = t.TypeOf<typeof TransferredParcel>;

/** 现金租金: so many yuan per mu per year. */
export const CashRent = struct('cash rent', { kind: t.literal('cash'), perMu: PositiveYuan }, {});

/**
 * 折粮计租: so many kg of grain per mu per year at a reference price per kg,
 * reviewed (调整) on the `reviewDates` the contract names.
 */
export const GrainRent = struct(
  'grain-indexed rent',
  { kind: t.literal('grain'), kgPerMu: PositiveDecimalString, pricePerKg: PositiveDecimalString, reviewDates: arrayOf(IsoDate) },
  {},
);

/** 土地入股: `sharesPerMu` shares per mu (1 mu = 1 share: "1"), each with a guaranteed return (保底) per year, plus dividends declared per year. */
export const ShareTerms = struct('land shares', { kind: t.literal('shares'), sharesPerMu: PositiveDecimalString, guaranteedPerShare: PositiveYuan }, {});

/** What the households get for their land. */
export const TransferTerms = t.union([CashRent, GrainRent, ShareTerms], 'cash, grain or shares terms');
export type TransferTerms = t.TypeOf<typeof TransferTerms>;

/**
 * 土地经营权流转: the management right of `parcels` passes to `operator`
 * from `startsOn` to `endsOn` (both included), directly or through the
 * collective (`channel`), with every household's written consent. Each of
 * `dueDates` (in order) is one year's rent (or guaranteed return) falling
 * due. `serviceFeePerMu` is the collective's service fee per mu per year,
 * if it charges one.
 */
export const LandTransferredData = struct(
  'a land transfer',
  {
    organizationId: Id,
    transferId: Id,
    operator: Operator,
    channel: TransferChannel,
    signedOn: IsoDate,
    startsOn: IsoDate,
    endsOn: IsoDate,
    parcels: arrayOf(TransferredParcel),
    consents: Consents,
    terms: TransferTerms,
    dueDates: arrayOf(IsoDate),
  },
  { serviceFeePerMu: PositiveYuan, note: NonEmptyString },
);
export type LandTransferredData = t.TypeOf<typeof LandTransferredData>;

/** 提前解除: the transfer ends on `terminatedOn`; the years' rent due after it is cancelled, what fell due stays owed. */
export const LandTransferTerminatedData = struct(
  'a termination',
  { organizationId: Id, transferId: Id, terminatedOn: IsoDate, reason: LandTerminationReason, note: NonEmptyString },
  {},
);
export type LandTransferTerminatedData = t.TypeOf<typeof LandTransferTerminatedData>;

/** 续约: the term extended to `endsOn`, with the due dates of the extension and the households' consents again. */
export const LandTransferRenewedData = struct(
  'a renewal',
  { organizationId: Id, transferId: Id, renewedOn: IsoDate, endsOn: IsoDate, dueDates: arrayOf(IsoDate), consents: Consents },
  {},
);
export type LandTransferRenewedData = t.TypeOf<typeof LandTransferRenewedData>;

/**
 * 再流转: from `reassignedOn` the land passes to another `operator` with the
 * households' consent; the transfer ends that day and `newTransferId` takes
 * its parcels, terms and remaining due dates to the end of its term.
 */
export const LandTransferReassignedData = struct(
  'a reassignment',
  { organizationId: Id, transferId: Id, newTransferId: Id, reassignedOn: IsoDate, operator: Operator, consents: Consents },
  {},
);
export type LandTransferReassignedData = t.TypeOf<typeof LandTransferReassignedData>;

/** 调整参考价: from `effectiveFrom` (one of the review dates), grain rent due is valued at `pricePerKg`. */
export const GrainPriceReviewedData = struct(
  'a price review',
  { organizationId: Id, transferId: Id, reviewedOn: IsoDate, effectiveFrom: IsoDate, pricePerKg: PositiveDecimalString },
  {},
);
export type GrainPriceReviewedData = t.TypeOf<typeof GrainPriceReviewedData>;
