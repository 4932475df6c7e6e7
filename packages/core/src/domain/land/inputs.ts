import type * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { FiscalYear } from '../ledger/voucher-codec.js';
import { ParcelCertifiedData, ParcelContractedData, ParcelSplitData } from './parcel-events.js';
import { LandIncomePaidData, WagesPaidData } from './payment-events.js';
import { GrainPriceReviewedData, LandTransferReassignedData, LandTransferredData, LandTransferRenewedData, LandTransferTerminatedData } from './transfer-events.js';

/*
 * The inputs of the land register's commands: plain JSON, areas in mu and
 * money in yuan as decimal strings, dates `YYYY-MM-DD`. Most inputs are the
 * data of the event they record; a merger's area and a dividend's division
 * over the households are computed.
 */

/** 承包地登记. */
export const ContractParcelInput = ParcelContractedData;
/** 确权颁证. */
export const CertifyParcelInput = ParcelCertifiedData;
/** 地块分割: the parts' areas must add up exactly to the parcel's. */
export const SplitParcelInput = ParcelSplitData;
/** 地块合并: the new parcel's area is the sum of the parcels'. */
export const MergeParcelsInput = struct('a merger', { organizationId: Id, parcelIds: arrayOf(Id), mergedOn: IsoDate, into: Id }, {});
/** 土地经营权流转, with every household's written consent. */
export const TransferLandInput = LandTransferredData;
/** 提前解除. */
export const TerminateLandTransferInput = LandTransferTerminatedData;
/** 续约. */
export const RenewLandTransferInput = LandTransferRenewedData;
/** 再流转 to another operator. */
export const ReassignLandTransferInput = LandTransferReassignedData;
/** 调整粮价 on a review date. */
export const ReviewGrainPriceInput = GrainPriceReviewedData;
/** 按股分红 of a year: `amount` divided over the households' shares. */
export const DeclareLandDividendInput = struct('a land dividend', { organizationId: Id, transferId: Id, year: FiscalYear, declaredOn: IsoDate, amount: PositiveYuan }, {});
/** 支付农户 on a direct transfer: rent, guaranteed return or dividend. */
export const PayHouseholdInput = LandIncomePaidData;
/** 务工工资 paid to a member of a household. */
export const RecordWagesInput = WagesPaidData;

export type ContractParcelInput = t.OutputOf<typeof ContractParcelInput>;
export type CertifyParcelInput = t.OutputOf<typeof CertifyParcelInput>;
export type SplitParcelInput = t.OutputOf<typeof SplitParcelInput>;
export type MergeParcelsInput = t.OutputOf<typeof MergeParcelsInput>;
export type TransferLandInput = t.OutputOf<typeof TransferLandInput>;
export type TerminateLandTransferInput = t.OutputOf<typeof TerminateLandTransferInput>;
export type RenewLandTransferInput = t.OutputOf<typeof RenewLandTransferInput>;
export type ReassignLandTransferInput = t.OutputOf<typeof ReassignLandTransferInput>;
export type ReviewGrainPriceInput = t.OutputOf<typeof ReviewGrainPriceInput>;
export type DeclareLandDividendInput = t.OutputOf<typeof DeclareLandDividendInput>;
export type PayHouseholdInput = t.OutputOf<typeof PayHouseholdInput>;
export type RecordWagesInput = t.OutputOf<typeof RecordWagesInput>;

/** The codec of each land-register command's input. */
export const landInputCodecs = {
  ContractParcel: ContractParcelInput,
  CertifyParcel: CertifyParcelInput,
  SplitParcel: SplitParcelInput,
  MergeParcels: MergeParcelsInput,
  TransferLand: TransferLandInput,
  TerminateLandTransfer: TerminateLandTransferInput,
  RenewLandTransfer: RenewLandTransferInput,
  ReassignLandTransfer: ReassignLandTransferInput,
  ReviewGrainPrice: ReviewGrainPriceInput,
  DeclareLandDividend: DeclareLandDividendInput,
  PayHousehold: PayHouseholdInput,
} as const;

/** What each land-register command's input decodes to. */
export type LandInputs = { readonly [K in keyof typeof landInputCodecs]: t.TypeOf<(typeof landInputCodecs)[K]> };

/** The business date of each command. */
export const landDateOfInput: { readonly [K in keyof LandInputs]: (input: LandInputs[K]) => string } = {
  ContractParcel: (i) => i.contractedOn,
  CertifyParcel: (i) => i.certifiedOn,
  SplitParcel: (i) => i.splitOn,
  MergeParcels: (i) => i.mergedOn,
  TransferLand: (i) => i.signedOn,
  TerminateLandTransfer: (i) => i.terminatedOn,
  RenewLandTransfer: (i) => i.renewedOn,
  ReassignLandTransfer: (i) => i.reassignedOn,
  ReviewGrainPrice: (i) => i.reviewedOn,
  DeclareLandDividend: (i) => i.declaredOn,
  PayHousehold: (i) => i.paidOn,
};
