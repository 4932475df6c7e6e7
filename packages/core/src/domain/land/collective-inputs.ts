import type * as t from 'io-ts';
import { NonNegativeYuan, PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { LandIncomePart } from './kinds.js';

/*
 * The inputs of land's operations on the collective's books. Accounts
 * default to 102 (bank), 113 (held for households) and 501 (the fee); a
 * voucher number defaults to the next free 地-NNN of the year.
 */

const optional = { note: NonEmptyString, voucherNo: NonEmptyString };

/** 代收租金: `amount` received from the operator, of which `serviceFee` (default 0.00) is the collective's fee. */
export const CollectLandRentInput = struct(
  'a rent collection',
  { organizationId: Id, transferId: Id, collectedOn: IsoDate, amount: PositiveYuan },
  { serviceFee: NonNegativeYuan, receivedInto: AccountCode, heldAccount: AccountCode, feeAccount: AccountCode, ...optional },
);

/** 代付农户: pay a household what the collective holds for the transfer. */
export const PayOnLandIncomeInput = struct(
  'a payment on to a household',
  { organizationId: Id, transferId: Id, householdId: Id, part: LandIncomePart, paidOn: IsoDate, amount: PositiveYuan },
  { paidFrom: AccountCode, heldAccount: AccountCode, ...optional },
);

/** 流转服务费 received from the operator. */
export const ReceiveLandServiceFeeInput = struct(
  'a service fee',
  { organizationId: Id, transferId: Id, receivedOn: IsoDate, amount: PositiveYuan },
  { receivedInto: AccountCode, feeAccount: AccountCode, ...optional },
);

export type CollectLandRentInput = t.OutputOf<typeof CollectLandRentInput>;
export type PayOnLandIncomeInput = t.OutputOf<typeof PayOnLandIncomeInput>;
export type ReceiveLandServiceFeeInput = t.OutputOf<typeof ReceiveLandServiceFeeInput>;

export interface CollectiveLandInputs {
  readonly CollectLandRent: t.TypeOf<typeof CollectLandRentInput>;
  readonly PayOnLandIncome: t.TypeOf<typeof PayOnLandIncomeInput>;
  readonly ReceiveLandServiceFee: t.TypeOf<typeof ReceiveLandServiceFeeInput>;
}
