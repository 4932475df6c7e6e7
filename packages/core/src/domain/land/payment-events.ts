import type * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { DecimalString, NonNegativeYuan, PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { FiscalYear } from '../ledger/voucher-codec.js';
import { LandIncomePart } from './kinds.js';
import { Operator } from './transfer-events.js';

/** One household's part of a land-share dividend: its shares and its amount. */
export const HouseholdDividend = struct('a household dividend', { householdId: Id, shares: DecimalString, amount: NonNegativeYuan }, {});
export type HouseholdDividend = t.TypeOf<typeof HouseholdDividend>;

/**
 * 按股分红: the operator's variable dividend of `year` on a land-share
 * transfer, `amount` divided over the households' shares exactly to the fen
 * (largest remainders, `allocate`).
 */
export const LandDividendDeclaredData = struct(
  'a land dividend',
  { organizationId: Id, transferId: Id, year: FiscalYear, declaredOn: IsoDate, amount: PositiveYuan, dividends: arrayOf(HouseholdDividend) },
  {},
);
export type LandDividendDeclaredData = t.TypeOf<typeof LandDividendDeclaredData>;

/**
 * 支付农户: the operator paid a household `amount` of its land income
 * (`part`) on a direct transfer. A dividend names its `year`. Household
 * income, not the collective's.
 */
export const LandIncomePaidData = struct(
  'a payment to a household',
  { organizationId: Id, paymentId: Id, transferId: Id, householdId: Id, part: LandIncomePart, paidOn: IsoDate, amount: PositiveYuan },
  { year: FiscalYear, note: NonEmptyString },
);
export type LandIncomePaidData = t.TypeOf<typeof LandIncomePaidData>;

/** 务工工资: an employer paid a member of a household wages for `period` (e.g. "2019-03"). Household income, not the collective's. */
export const WagesPaidData = struct(
  'a wage payment',
  { organizationId: Id, paymentId: Id, memberId: Id, householdId: Id, employer: Operator, paidOn: IsoDate, amount: PositiveYuan },
  { period: NonEmptyString, note: NonEmptyString },
);
export type WagesPaidData = t.TypeOf<typeof WagesPaidData>;
