import type * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { NonNegativeYuan, Percentage, PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import type { Chart } from '../ledger/chart/index.js';
import type { YearClosedData } from '../ledger/closing-codec.js';
import { AccountCode, FiscalYear } from '../ledger/voucher-codec.js';
import type { OrganizationKind } from '../organization/events.js';
import type { VillageRegister } from '../organization/member-register.js';
import { ShareCharterAdoptedData } from './charter-events.js';
import { ClassWeight, DistributionStepKind } from './distribution-events.js';
import { SharesQuantifiedData, SharesTransferredData } from './register-events.js';
import type { ShareRegisterState } from './share-register.js';

/*
 * Each `XInput` is a codec and, as a type, what a caller sends: plain JSON,
 * money, shares and percentages as decimal strings, ids and dates as strings.
 * `XInputValue` is what the codec decodes it to.
 */

/** 通过股份合作章程: the input is the event's data. */
export const AdoptCharterInput = ShareCharterAdoptedData;
/** 折股量化: the input is the event's data. */
export const QuantifySharesInput = SharesQuantifiedData;
/** 股权内部转让: the input is the event's data. */
export const TransferSharesInput = SharesTransferredData;
/** 股权继承: every share the deceased held passes; the event lists them. */
export const InheritSharesInput = struct('an inheritance', { organizationId: Id, fromMemberId: Id, toMemberId: Id, inheritedOn: IsoDate }, {});
/** 退股: the charter decides whether the shares are bought back or kept. */
export const WithdrawSharesInput = struct('a withdrawal', { organizationId: Id, memberId: Id, withdrawnOn: IsoDate }, {});

export type AdoptCharterInput = t.OutputOf<typeof AdoptCharterInput>;
export type QuantifySharesInput = t.OutputOf<typeof QuantifySharesInput>;
export type TransferSharesInput = t.OutputOf<typeof TransferSharesInput>;
export type InheritSharesInput = t.OutputOf<typeof InheritSharesInput>;
export type WithdrawSharesInput = t.OutputOf<typeof WithdrawSharesInput>;

export type AdoptCharterInputValue = t.TypeOf<typeof AdoptCharterInput>;
export type QuantifySharesInputValue = t.TypeOf<typeof QuantifySharesInput>;
export type TransferSharesInputValue = t.TypeOf<typeof TransferSharesInput>;
export type InheritSharesInputValue = t.TypeOf<typeof InheritSharesInput>;
export type WithdrawSharesInputValue = t.TypeOf<typeof WithdrawSharesInput>;

export interface ShareRegisterInputs {
  readonly AdoptCharter: AdoptCharterInputValue;
  readonly QuantifyShares: QuantifySharesInputValue;
  readonly TransferShares: TransferSharesInputValue;
  readonly InheritShares: InheritSharesInputValue;
  readonly WithdrawShares: WithdrawSharesInputValue;
}

/** A share-register command: the valid input, and the village's member register it is checked against. */
export type ShareRegisterCommand = {
  [K in keyof ShareRegisterInputs]: {
    readonly type: K;
    readonly input: ShareRegisterInputs[K];
    readonly organizationKind: OrganizationKind | undefined;
    readonly members: VillageRegister | undefined;
  };
}[keyof ShareRegisterInputs];

/** A step's amount: a sum of money, or a percentage of the income left after the reserve. */
const Amount = { amount: NonNegativeYuan, percent: Percentage };

/**
 * One step of a plan, as the members' assembly lists it. `account` is the 322
 * sub-account (各项分配) it is booked to; `creditAccount` defaults to 311 for
 * the reserve and 211 for the others.
 */
export const PlanStep = struct(
  'a plan step',
  { kind: DistributionStepKind, account: AccountCode },
  { creditAccount: AccountCode, ...Amount, recordDate: IsoDate, weights: arrayOf(ClassWeight) },
);
export type PlanStep = t.TypeOf<typeof PlanStep>;

/** 收益分配方案: the plan for a closed year, approved by the members' assembly on `approvedOn` (in the following year) under `resolution`. */
export const DistributeIncomeInput = struct(
  'a distribution plan',
  { organizationId: Id, year: FiscalYear, approvedOn: IsoDate, resolution: NonEmptyString, steps: arrayOf(PlanStep) },
  {},
);
export type DistributeIncomeInput = t.OutputOf<typeof DistributeIncomeInput>;
export type DistributeIncomeInputValue = t.TypeOf<typeof DistributeIncomeInput>;

export const PaymentRequest = struct('a payment', { memberId: Id }, { amount: PositiveYuan });

/** 发放分红: pay year `year`'s dividends on `paidOn` from `account` (a leaf of 101 or 102); without `payments`, everything still unpaid. */
export const PayDividendsInput = struct(
  'a dividend payment run',
  { organizationId: Id, year: FiscalYear, paidOn: IsoDate, account: AccountCode },
  { payments: arrayOf(PaymentRequest) },
);
export type PayDividendsInput = t.OutputOf<typeof PayDividendsInput>;
export type PayDividendsInputValue = t.TypeOf<typeof PayDividendsInput>;

/** The closed year a plan distributes: its close and its vouchers' net movements (debit positive). */
export interface ClosedYearBooks {
  readonly closed: YearClosedData | undefined;
  readonly movements: ReadonlyMap<string, bigint>;
}

export interface DistributeIncome {
  readonly type: 'DistributeIncome';
  readonly input: DistributeIncomeInputValue;
  readonly organizationKind: OrganizationKind | undefined;
  readonly chart: Chart;
  readonly books: ClosedYearBooks;
  readonly shares: ShareRegisterState;
  readonly members: VillageRegister | undefined;
}

export interface PayDividends {
  readonly type: 'PayDividends';
  readonly input: PayDividendsInputValue;
  readonly organizationKind: OrganizationKind | undefined;
  readonly chart: Chart;
}

export type DistributionCommand = DistributeIncome | PayDividends;
