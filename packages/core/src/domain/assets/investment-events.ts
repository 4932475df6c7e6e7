import * as t from 'io-ts';
import { NonNegativeYuan, PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { AccountCode } from '../ledger/voucher-codec.js';

/** 长期投资: the collective invests in an enterprise (its village company); Dr `investmentAccount` (under 141), Cr `paidFrom`. */
export const LongTermInvestmentMadeData = t.type({
  organizationId: Id,
  investmentId: Id,
  investee: NonEmptyString,
  madeOn: IsoDate,
  amount: PositiveYuan,
  investmentAccount: AccountCode,
  paidFrom: AccountCode,
  voucherNo: NonEmptyString,
});
export type LongTermInvestmentMadeData = t.TypeOf<typeof LongTermInvestmentMadeData>;

/** 收回长期投资: the investment is sold or recovered for `proceeds`; the difference from `carrying` is 502 投资收益. */
export const LongTermInvestmentRecoveredData = t.type({
  organizationId: Id,
  investmentId: Id,
  recoveredOn: IsoDate,
  carrying: PositiveYuan,
  proceeds: NonNegativeYuan,
  receivedInto: AccountCode,
  voucherNo: NonEmptyString,
});
export type LongTermInvestmentRecoveredData = t.TypeOf<typeof LongTermInvestmentRecoveredData>;
