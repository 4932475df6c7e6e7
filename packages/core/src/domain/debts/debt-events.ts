import type * as t from 'io-ts';
import { NonNegativeYuan, PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { ApprovingBody, CreditorKind, DebtOrigin, Recognition } from './kinds.js';

/** 债权人: who the collective owes. */
export const Creditor = struct('a creditor', { name: NonEmptyString, kind: CreditorKind }, {});
export type Creditor = t.TypeOf<typeof Creditor>;

/**
 * 不良债务登记: a debt of the collective that is not being serviced, on the
 * liability `account` (under 201, 211 or 221). `existing`: already on the
 * books, no voucher. `new`: recognised now, with the voucher Dr `debitAccount`
 * Cr `account` numbered `voucherNo`.
 */
export const DebtRecordedData = struct(
  'a recorded debt',
  {
    organizationId: Id,
    debtId: Id,
    creditor: Creditor,
    origin: DebtOrigin,
    account: AccountCode,
    amount: PositiveYuan,
    recordedOn: IsoDate,
    recognition: Recognition,
  },
  { originNote: NonEmptyString, incurredOn: IsoDate, debitAccount: AccountCode, voucherNo: NonEmptyString },
);
export type DebtRecordedData = t.TypeOf<typeof DebtRecordedData>;

/** The fields of every resolution: the debt, the date, the part of the debt it resolves, and its voucher. */
const resolution = { organizationId: Id, debtId: Id, resolvedOn: IsoDate, amount: PositiveYuan, voucherNo: NonEmptyString };

/** 偿还: Dr the debt's account, Cr `paidFrom` (under 101 or 102). */
export const DebtRepaidData = struct('a repayment', { ...resolution, paidFrom: AccountCode }, {});
export type DebtRepaidData = t.TypeOf<typeof DebtRepaidData>;

/**
 * 债务重组: `amount` leaves the register; `amount − reduction` moves to the
 * liability `toAccount` on new `terms`, the `reduction` the creditor agreed to
 * goes to `incomeAccount` (under 504).
 */
export const DebtRestructuredData = struct(
  'a restructuring',
  { ...resolution, toAccount: AccountCode, reduction: NonNegativeYuan, incomeAccount: AccountCode, terms: NonEmptyString },
  {},
);
export type DebtRestructuredData = t.TypeOf<typeof DebtRestructuredData>;

/** 抵销: against what the creditor owes the collective: Dr the debt's account, Cr `receivableAccount` (under 112 or 113). */
export const DebtOffsetData = struct('an offset', { ...resolution, receivableAccount: AccountCode }, { note: NonEmptyString });
export type DebtOffsetData = t.TypeOf<typeof DebtOffsetData>;

/** The approval of a write-off: the body, its date and its resolution (决议). */
export const WriteOffApproval = struct('an approval', { body: ApprovingBody, approvedOn: IsoDate, resolution: NonEmptyString }, {});
export type WriteOffApproval = t.TypeOf<typeof WriteOffApproval>;

/** 核销: approved by the members; Dr the debt's account, Cr `incomeAccount` (under 504). */
export const DebtWrittenOffData = struct('a write-off', { ...resolution, approval: WriteOffApproval, incomeAccount: AccountCode }, {});
export type DebtWrittenOffData = t.TypeOf<typeof DebtWrittenOffData>;
