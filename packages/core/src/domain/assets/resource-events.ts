import * as t from 'io-ts';
import { AreaMu, NonNegativeYuan, PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { IdentifiedBy, ResourceKind } from './kinds.js';

/**
 * 资源性资产登记: land, forest, grassland, waste land or water surface of the
 * collective, recorded by its area in mu. It usually has no book value and is
 * not on the balance sheet; a `bookValue`, when known, is kept on the register
 * only. `identifiedBy: stock-take` marks a resource newly found by 清产核资.
 */
export const ResourceAssetRegisteredData = struct(
  'a resource asset',
  {
    organizationId: Id,
    assetId: Id,
    name: NonEmptyString,
    kind: ResourceKind,
    area: AreaMu,
    registeredOn: IsoDate,
    identifiedBy: IdentifiedBy,
  },
  { bookValue: NonNegativeYuan, location: NonEmptyString },
);
export type ResourceAssetRegisteredData = t.TypeOf<typeof ResourceAssetRegisteredData>;

/**
 * 资源性资产收入: income from leasing or contracting out a resource, tagged
 * with the resource. Its voucher (Dr `receivedInto`, Cr `incomeAccount`) is
 * posted in the same append.
 */
export const ResourceIncomeRecordedData = t.type({
  organizationId: Id,
  assetId: Id,
  receivedOn: IsoDate,
  amount: PositiveYuan,
  incomeAccount: AccountCode,
  receivedInto: AccountCode,
  summary: NonEmptyString,
  voucherNo: NonEmptyString,
});
export type ResourceIncomeRecordedData = t.TypeOf<typeof ResourceIncomeRecordedData>;
