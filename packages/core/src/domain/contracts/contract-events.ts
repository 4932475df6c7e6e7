import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { NonNegativeYuan, PositiveDecimalString } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString, PositiveInteger } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { ApprovalProcedure, AreaUnit, ContractCategory, CounterpartyKind, TerminationReason } from './kinds.js';
import { Schedule } from './schedule.js';

/** The other party: its name and kind, and optionally its id elsewhere (a household or member id, a company's credit code). */
export const Counterparty = struct('a counterparty', { name: NonEmptyString, kind: CounterpartyKind }, { reference: Id });
export type Counterparty = t.TypeOf<typeof Counterparty>;

/** An area in mu or square metres. */
export const SubjectArea = t.type({ value: PositiveDecimalString, unit: AreaUnit });
export type SubjectArea = t.TypeOf<typeof SubjectArea>;

/**
 * What is let or contracted out: described in words, and, where the asset
 * register holds it, the id of the resource or fixed asset; its area in mu
 * or m² where it has one.
 */
export const Subject = struct('a contract subject', { description: NonEmptyString }, { assetId: Id, area: SubjectArea });
export type Subject = t.TypeOf<typeof Subject>;

/** One procedure that approved a contract or a change to it, and its date (e.g. 成员代表会议 on 2024-03-01). */
export const Approval = t.type({ procedure: ApprovalProcedure, approvedOn: IsoDate });
export type Approval = t.TypeOf<typeof Approval>;
export const Approvals = arrayOf(Approval);

/** Numbers of instalments of a contract. */
export const InstalmentNos = arrayOf(PositiveInteger);

/**
 * 合同登记: a contract of the collective entered in the register on
 * `registeredOn` (its business date; a contract signed earlier may be
 * registered later, in the clean-up). Its term runs from `startsOn` to
 * `endsOn`, both days included; its instalments are in due order. Income is
 * recognised to `incomeAccount` (501 or 502) against `receivableAccount`
 * (112); money paid in advance waits in `prepaymentAccount` (211).
 */
export const ContractSignedData = struct(
  'a contract',
  {
    organizationId: Id,
    contractId: Id,
    title: NonEmptyString,
    category: ContractCategory,
    counterparty: Counterparty,
    subject: Subject,
    signedOn: IsoDate,
    registeredOn: IsoDate,
    startsOn: IsoDate,
    endsOn: IsoDate,
    approvals: Approvals,
    instalments: Schedule,
    incomeAccount: AccountCode,
    receivableAccount: AccountCode,
    prepaymentAccount: AccountCode,
  },
  { note: NonEmptyString },
);
export type ContractSignedData = t.TypeOf<typeof ContractSignedData>;

/**
 * 合同变更: from `effectiveFrom`, the instalments due on or after it
 * (`replaces`, none recognised or paid) give way to `instalments`; the term
 * may end on a new `endsOn`.
 */
export const ContractAmendedData = struct(
  'a contract amendment',
  {
    organizationId: Id,
    contractId: Id,
    amendedOn: IsoDate,
    effectiveFrom: IsoDate,
    reason: NonEmptyString,
    approvals: Approvals,
    replaces: InstalmentNos,
    instalments: Schedule,
  },
  { endsOn: IsoDate },
);
export type ContractAmendedData = t.TypeOf<typeof ContractAmendedData>;

/** 合同续签: the term extended to `endsOn`, with the instalments of the extension. */
export const ContractRenewedData = t.type({
  organizationId: Id,
  contractId: Id,
  renewedOn: IsoDate,
  endsOn: IsoDate,
  approvals: Approvals,
  instalments: Schedule,
});
export type ContractRenewedData = t.TypeOf<typeof ContractRenewedData>;

/**
 * 合同解除: the instalments due after `terminatedOn` are cancelled
 * (`cancelled`); what was paid in advance beyond the instalments that remain
 * is owed back (`refundDue`, left in the prepayment account).
 */
export const ContractTerminatedData = struct(
  'a termination',
  { organizationId: Id, contractId: Id, terminatedOn: IsoDate, reason: TerminationReason, note: NonEmptyString, cancelled: InstalmentNos },
  { refundDue: NonNegativeYuan },
);
export type ContractTerminatedData = t.TypeOf<typeof ContractTerminatedData>;

/** 合同到期: the term ended on or before `expiredOn`; unpaid instalments stay owed. */
export const ContractExpiredData = t.type({ organizationId: Id, contractId: Id, expiredOn: IsoDate });
export type ContractExpiredData = t.TypeOf<typeof ContractExpiredData>;
