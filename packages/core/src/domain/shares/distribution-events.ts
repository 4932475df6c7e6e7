import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { DecimalString, NonNegativeYuan, Percentage, PositiveYuan, Yuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { AccountCode, FiscalYear } from '../ledger/voucher-codec.js';
import { ClassShares } from './register-events.js';

/**
 * The steps of a distribution, in the only order the law allows: 提取公积公益金
 * (reserve), 提取福利费 (welfare), 外来投资分利 (outside investors' profit),
 * 成员分红 (member dividends). Covering prior losses comes before all of them
 * and is not a step: it is already netted in the distributable income.
 */
export const DistributionStepKind = t.keyof({ reserve: null, welfare: null, investors: null, dividends: null }, 'reserve, welfare, investors or dividends');
export type DistributionStepKind = t.TypeOf<typeof DistributionStepKind>;

/** A step as decided: the 322 sub-account it debits, the account it credits, and its amount (a percentage's result when the plan gave one). */
export const DistributionStep = struct(
  'a distribution step',
  { kind: DistributionStepKind, account: AccountCode, creditAccount: AccountCode, amount: NonNegativeYuan },
  { percent: Percentage },
);
export type DistributionStep = t.TypeOf<typeof DistributionStep>;

/**
 * 收益分配方案: the members' assembly approved how year `year`'s distributable
 * income is distributed. The figures read from the closed year are kept with
 * it, so the distribution statement is the event itself.
 */
export const IncomeDistributedData = struct(
  'an income distribution',
  {
    organizationId: Id,
    year: FiscalYear,
    approvedOn: IsoDate,
    resolution: NonEmptyString,
    netIncome: Yuan,
    openingUndistributed: Yuan,
    /** What the year's vouchers distributed (the previous year's plan), already out of the opening balance. */
    previousDistributions: Yuan,
    transfersIn: Yuan,
    distributable: Yuan,
    lossesCovered: NonNegativeYuan,
    reserveBasis: NonNegativeYuan,
    reservePercent: Percentage,
    steps: arrayOf(DistributionStep),
    /** Left undistributed after the plan, the collective share's dividend included. */
    undistributed: Yuan,
  },
  {},
);
export type IncomeDistributedData = t.TypeOf<typeof IncomeDistributedData>;

export const ClassWeight = struct('a class weight', { classId: Id, weight: DecimalString }, {});
export type ClassWeight = t.TypeOf<typeof ClassWeight>;

/** One holder's declared dividend: their shares on the record date by class and the amount, exact to the fen. */
export const DeclaredDividend = struct(
  'a declared dividend',
  { memberId: Id, householdId: Id, shares: arrayOf(ClassShares), amount: NonNegativeYuan },
  {},
);
export type DeclaredDividend = t.TypeOf<typeof DeclaredDividend>;

/**
 * 宣告分红: the pool divided over the shares held on `recordDate`, weighted by
 * class; members' parts are payable on `payableAccount`, the collective
 * share's part (`retained`) stays in undistributed income. Declared with the
 * plan, on its approval date.
 */
export const DividendsDeclaredData = struct(
  'a dividend declaration',
  {
    organizationId: Id,
    year: FiscalYear,
    declaredOn: IsoDate,
    recordDate: IsoDate,
    pool: NonNegativeYuan,
    weights: arrayOf(ClassWeight),
    weightedShares: DecimalString,
    retained: NonNegativeYuan,
    payableAccount: AccountCode,
    dividends: arrayOf(DeclaredDividend),
  },
  {},
);
export type DividendsDeclaredData = t.TypeOf<typeof DividendsDeclaredData>;

export const DividendPayment = struct('a dividend payment', { memberId: Id, amount: PositiveYuan }, {});
export type DividendPayment = t.TypeOf<typeof DividendPayment>;

/** 发放分红: dividends of year `year` paid on `paidOn` from cash or bank (`account`). */
export const DividendsPaidData = struct(
  'a dividend payment run',
  { organizationId: Id, year: FiscalYear, paidOn: IsoDate, account: AccountCode, payments: arrayOf(DividendPayment) },
  {},
);
export type DividendsPaidData = t.TypeOf<typeof DividendsPaidData>;
