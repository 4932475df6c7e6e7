import type * as t from 'io-ts';
import { PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { Approvals, Counterparty, Subject } from './contract-events.js';
import { ContractCategory, TerminationReason } from './kinds.js';
import { ContractFlaggedData, ContractFlagWithdrawnData, ContractRectifiedData } from './review-events.js';
import { ScheduleInput } from './schedule.js';

/*
 * The inputs of the contract register's commands. Each `XInput` is a codec
 * and, as a type, what a caller sends: plain JSON, money as decimal strings,
 * ids and dates as strings. `XInputValue` is what the codec decodes it to.
 * An instalment gives either a fixed `amount` or `grain` (kg and price per kg).
 */

/**
 * 合同登记, dated `registeredOn` (by default the day it was signed).
 * Accounts default to 501 (income), 112 (receivable) and 211 (prepayments).
 */
export const RegisterContractInput = struct(
  'a contract',
  {
    organizationId: Id,
    contractId: Id,
    title: NonEmptyString,
    category: ContractCategory,
    counterparty: Counterparty,
    subject: Subject,
    signedOn: IsoDate,
    startsOn: IsoDate,
    endsOn: IsoDate,
    approvals: Approvals,
    instalments: ScheduleInput,
  },
  { registeredOn: IsoDate, incomeAccount: AccountCode, receivableAccount: AccountCode, prepaymentAccount: AccountCode, note: NonEmptyString },
);

/** 合同变更: the instalments due on or after `effectiveFrom` replaced by `instalments`, and the term perhaps ending on a new `endsOn`. */
export const AmendContractInput = struct(
  'an amendment',
  { organizationId: Id, contractId: Id, amendedOn: IsoDate, effectiveFrom: IsoDate, reason: NonEmptyString, instalments: ScheduleInput },
  { endsOn: IsoDate, approvals: Approvals },
);

/** 合同续签: the term extended to `endsOn`, with the instalments of the extension. */
export const RenewContractInput = struct(
  'a renewal',
  { organizationId: Id, contractId: Id, renewedOn: IsoDate, endsOn: IsoDate, instalments: ScheduleInput },
  { approvals: Approvals },
);

/** 合同解除, with a reason from the list and a note. */
export const TerminateContractInput = struct(
  'a termination',
  { organizationId: Id, contractId: Id, terminatedOn: IsoDate, reason: TerminationReason, note: NonEmptyString },
  {},
);

/** 合同到期, recorded after the term's last day. */
export const ExpireContractInput = struct('an expiry', { organizationId: Id, contractId: Id, expiredOn: IsoDate }, {});

/** 认定不规范: the input is the event's data. */
export const FlagContractInput = ContractFlaggedData;

/** 整改: the input is the event's data. */
export const RectifyContractInput = ContractRectifiedData;

/** 撤销认定: the input is the event's data. */
export const WithdrawContractFlagInput = ContractFlagWithdrawnData;

/** 确认收入 of every instalment due on or before `through`, in one voucher (the next free 合- of the year unless `voucherNo`). */
export const RecogniseContractIncomeInput = struct('a recognition run', { organizationId: Id, through: IsoDate }, { voucherNo: NonEmptyString });

/** 收款 against a contract into `receivedInto` (102 by default; 101 for cash). */
export const ReceiveContractPaymentInput = struct(
  'a payment',
  { organizationId: Id, contractId: Id, receivedOn: IsoDate, amount: PositiveYuan },
  { receivedInto: AccountCode, note: NonEmptyString, voucherNo: NonEmptyString },
);

export type RegisterContractInput = t.OutputOf<typeof RegisterContractInput>;
export type AmendContractInput = t.OutputOf<typeof AmendContractInput>;
export type RenewContractInput = t.OutputOf<typeof RenewContractInput>;
export type TerminateContractInput = t.OutputOf<typeof TerminateContractInput>;
export type ExpireContractInput = t.OutputOf<typeof ExpireContractInput>;
export type FlagContractInput = t.OutputOf<typeof FlagContractInput>;
export type RectifyContractInput = t.OutputOf<typeof RectifyContractInput>;
export type WithdrawContractFlagInput = t.OutputOf<typeof WithdrawContractFlagInput>;
export type RecogniseContractIncomeInput = t.OutputOf<typeof RecogniseContractIncomeInput>;
export type ReceiveContractPaymentInput = t.OutputOf<typeof ReceiveContractPaymentInput>;

/** What each command's input decodes to, by command type. */
export interface ContractInputs {
  readonly RegisterContract: t.TypeOf<typeof RegisterContractInput>;
  readonly AmendContract: t.TypeOf<typeof AmendContractInput>;
  readonly RenewContract: t.TypeOf<typeof RenewContractInput>;
  readonly TerminateContract: t.TypeOf<typeof TerminateContractInput>;
  readonly ExpireContract: t.TypeOf<typeof ExpireContractInput>;
  readonly FlagContract: t.TypeOf<typeof FlagContractInput>;
  readonly RectifyContract: t.TypeOf<typeof RectifyContractInput>;
  readonly WithdrawContractFlag: t.TypeOf<typeof WithdrawContractFlagInput>;
  readonly RecogniseContractIncome: t.TypeOf<typeof RecogniseContractIncomeInput>;
  readonly ReceiveContractPayment: t.TypeOf<typeof ReceiveContractPaymentInput>;
}

/** The codec of each command's input. */
export const contractInputCodecs = {
  RegisterContract: RegisterContractInput,
  AmendContract: AmendContractInput,
  RenewContract: RenewContractInput,
  TerminateContract: TerminateContractInput,
  ExpireContract: ExpireContractInput,
  FlagContract: FlagContractInput,
  RectifyContract: RectifyContractInput,
  WithdrawContractFlag: WithdrawContractFlagInput,
  RecogniseContractIncome: RecogniseContractIncomeInput,
  ReceiveContractPayment: ReceiveContractPaymentInput,
} as const;

/** The business date of each command: the date its ledger year and voucher take. */
export const contractDateOf: { readonly [K in keyof ContractInputs]: (input: ContractInputs[K]) => string } = {
  RegisterContract: (i) => i.registeredOn ?? i.signedOn,
  AmendContract: (i) => i.amendedOn,
  RenewContract: (i) => i.renewedOn,
  TerminateContract: (i) => i.terminatedOn,
  ExpireContract: (i) => i.expiredOn,
  FlagContract: (i) => i.flaggedOn,
  RectifyContract: (i) => i.rectifiedOn,
  WithdrawContractFlag: (i) => i.withdrawnOn,
  RecogniseContractIncome: (i) => i.through,
  ReceiveContractPayment: (i) => i.receivedOn,
};
