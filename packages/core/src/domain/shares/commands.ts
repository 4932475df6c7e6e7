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

export const AdoptCharterInput = ShareCharterAdoptedData;
export const QuantifySharesInput = SharesQuantifiedData;
export const TransferSharesInput = SharesTransferredData;
export const InheritSharesInput = struct('an inheritance', { organizationId: Id, fromMemberId: Id, toMemberId: Id, inheritedOn: IsoDate }, {});
export const WithdrawSharesInput = struct('a withdrawal', { organizationId: Id, memberId: Id, withdrawnOn: IsoDate }, {});

export interface ShareRegisterInputs {
  readonly AdoptCharter: t.TypeOf<typeof AdoptCharterInput>;
  readonly QuantifyShares: t.TypeOf<typeof QuantifySharesInput>;
  readonly TransferShares: t.TypeOf<typeof TransferSharesInput>;
  readonly InheritShares: t.TypeOf<typeof InheritSharesInput>;
  readonly WithdrawShares: t.TypeOf<typeof WithdrawSharesInput>;
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
export type DistributeIncomeInput = t.TypeOf<typeof DistributeIncomeInput>;

export const PaymentRequest = struct('a payment', { memberId: Id }, { amount: PositiveYuan });

/** 发放分红: pay year `year`'s dividends on `paidOn` from `account` (a leaf of 101 or 102); without `payments`, everything still unpaid. */
export const PayDividendsInput = struct(
  'a dividend payment run',
  { organizationId: Id, year: FiscalYear, paidOn: IsoDate, account: AccountCode },
  { payments: arrayOf(PaymentRequest) },
);
export type PayDividendsInput = t.TypeOf<typeof PayDividendsInput>;

/** The closed year a plan distributes: its close and its vouchers' net movements (debit positive). */
export interface ClosedYearBooks {
  readonly closed: YearClosedData | undefined;
  readonly movements: ReadonlyMap<string, bigint>;
}

export interface DistributeIncome {
  readonly type: 'DistributeIncome';
  readonly input: DistributeIncomeInput;
  readonly organizationKind: OrganizationKind | undefined;
  readonly chart: Chart;
  readonly books: ClosedYearBooks;
  readonly shares: ShareRegisterState;
  readonly members: VillageRegister | undefined;
}

export interface PayDividends {
  readonly type: 'PayDividends';
  readonly input: PayDividendsInput;
  readonly organizationKind: OrganizationKind | undefined;
  readonly chart: Chart;
}

export type DistributionCommand = DistributeIncome | PayDividends;
