import type * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { AreaMu } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { ParcelKind } from './kinds.js';

/** 承包经营权证 (确权颁证): the certificate's number and date, and who issued it. */
export const Certificate = struct('a certificate', { number: NonEmptyString, issuedOn: IsoDate }, { issuedBy: NonEmptyString });
export type Certificate = t.TypeOf<typeof Certificate>;

/**
 * 承包地: a parcel of the village's land contracted to a household from
 * `contractStartsOn` to `contractEndsOn` (both days included), `area` mu of
 * kind `kind`, recorded on `contractedOn`.
 */
export const ParcelContractedData = struct(
  'a contracted parcel',
  {
    organizationId: Id,
    parcelId: Id,
    householdId: Id,
    area: AreaMu,
    kind: ParcelKind,
    contractedOn: IsoDate,
    contractStartsOn: IsoDate,
    contractEndsOn: IsoDate,
  },
  { location: NonEmptyString, certificate: Certificate },
);
export type ParcelContractedData = t.TypeOf<typeof ParcelContractedData>;

/** 确权颁证: the parcel's certificate, issued or replaced on `certifiedOn`. */
export const ParcelCertifiedData = struct('a certification', { organizationId: Id, parcelId: Id, certifiedOn: IsoDate, certificate: Certificate }, {});
export type ParcelCertifiedData = t.TypeOf<typeof ParcelCertifiedData>;

/** One part of a split parcel: its new id and area. */
export const ParcelPart = struct('a parcel part', { parcelId: Id, area: AreaMu }, {});
export type ParcelPart = t.TypeOf<typeof ParcelPart>;

/** 地块分割: the parcel gives way to parts of the same household, kind and contract whose areas add up exactly to its own. */
export const ParcelSplitData = struct('a split', { organizationId: Id, parcelId: Id, splitOn: IsoDate, into: arrayOf(ParcelPart) }, {});
export type ParcelSplitData = t.TypeOf<typeof ParcelSplitData>;

/** 地块合并: parcels of one household, kind and contract give way to `into`, whose `area` is exactly the sum of theirs. */
export const ParcelsMergedData = struct('a merger', { organizationId: Id, parcelIds: arrayOf(Id), mergedOn: IsoDate, into: Id, area: AreaMu }, {});
export type ParcelsMergedData = t.TypeOf<typeof ParcelsMergedData>;
