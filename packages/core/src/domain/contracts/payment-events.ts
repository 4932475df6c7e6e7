import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { NonNegativeYuan, PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { InstalmentNos } from './contract-events.js';

/** One contract's instalments recognised by a run: their numbers, their total, and how much of it had been paid in advance. */
export const RecognisedInstalments = t.type({ contractId: Id, instalments: InstalmentNos, amount: PositiveYuan, prepaid: NonNegativeYuan });
export type RecognisedInstalments = t.TypeOf<typeof RecognisedInstalments>;

/**
 * 确认收入: every instalment of every contract due on or before
 * `recognisedOn` and not yet recognised, in one voucher: Dr the receivable
 * (what was not paid in advance), Dr the prepayment account (what was),
 * Cr each contract's income account.
 */
export const ContractIncomeRecognisedData = t.type({
  organizationId: Id,
  recognisedOn: IsoDate,
  contracts: arrayOf(RecognisedInstalments),
  voucherNo: NonEmptyString,
});
export type ContractIncomeRecognisedData = t.TypeOf<typeof ContractIncomeRecognisedData>;

/**
 * 收取承包费 / 租金: money received against a contract into `receivedInto`
 * (102 bank or 101 cash). It settles the oldest unpaid instalments first:
 * what falls on recognised instalments clears the receivable
 * (`toReceivable`), what falls on instalments not yet recognised is a
 * prepayment (`toPrepayment`, Cr 211) until their income is recognised.
 */
export const ContractPaymentReceivedData = struct(
  'a payment',
  {
    organizationId: Id,
    contractId: Id,
    receivedOn: IsoDate,
    amount: PositiveYuan,
    receivedInto: AccountCode,
    toReceivable: NonNegativeYuan,
    toPrepayment: NonNegativeYuan,
    voucherNo: NonEmptyString,
  },
  { note: NonEmptyString },
);
export type ContractPaymentReceivedData = t.TypeOf<typeof ContractPaymentReceivedData>;
