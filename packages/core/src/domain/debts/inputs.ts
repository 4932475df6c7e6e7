import type * as t from 'io-ts';
import { NonNegativeYuan, PositiveYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { struct } from '../../codecs/struct.js';
import { AccountCode } from '../ledger/voucher-codec.js';
import { Creditor, WriteOffApproval } from './debt-events.js';
import { DebtOrigin, Recognition } from './kinds.js';

/*
 * The inputs of the debt register's commands: plain JSON, money as decimal
 * strings. `XInputValue` is what the codec decodes it to. Every command that
 * posts may name its voucher; otherwise the next free `债-NNN` of the year.
 */

const voucherNo = { voucherNo: NonEmptyString };

/**
 * 不良债务登记. `recognition` defaults to `existing` (the liability is on the
 * books already: no voucher); `new` needs `debitAccount` and posts Dr it, Cr `account`.
 */
export const RecordDebtInput = struct(
  'a debt',
  { organizationId: Id, debtId: Id, creditor: Creditor, origin: DebtOrigin, account: AccountCode, amount: PositiveYuan, recordedOn: IsoDate },
  { originNote: NonEmptyString, incurredOn: IsoDate, recognition: Recognition, debitAccount: AccountCode, ...voucherNo },
);

const resolution = { organizationId: Id, debtId: Id, resolvedOn: IsoDate, amount: PositiveYuan };

/** 偿还, from `paidFrom` (default 102). */
export const RepayDebtInput = struct('a repayment', resolution, { paidFrom: AccountCode, ...voucherNo });

/** 债务重组 to `toAccount` on new `terms`, less a `reduction` (default 0.00) to `incomeAccount` (default 504). */
export const RestructureDebtInput = struct(
  'a restructuring',
  { ...resolution, toAccount: AccountCode, terms: NonEmptyString },
  { reduction: NonNegativeYuan, incomeAccount: AccountCode, ...voucherNo },
);

/** 抵销 against `receivableAccount` (default 112). */
export const OffsetDebtInput = struct('an offset', resolution, { receivableAccount: AccountCode, note: NonEmptyString, ...voucherNo });

/** 核销 with the members' `approval`, to `incomeAccount` (default 504). */
export const WriteOffDebtInput = struct('a write-off', { ...resolution, approval: WriteOffApproval }, { incomeAccount: AccountCode, ...voucherNo });

export type RecordDebtInput = t.OutputOf<typeof RecordDebtInput>;
export type RepayDebtInput = t.OutputOf<typeof RepayDebtInput>;
export type RestructureDebtInput = t.OutputOf<typeof RestructureDebtInput>;
export type OffsetDebtInput = t.OutputOf<typeof OffsetDebtInput>;
export type WriteOffDebtInput = t.OutputOf<typeof WriteOffDebtInput>;

export type RecordDebtInputValue = t.TypeOf<typeof RecordDebtInput>;
export type RepayDebtInputValue = t.TypeOf<typeof RepayDebtInput>;
export type RestructureDebtInputValue = t.TypeOf<typeof RestructureDebtInput>;
export type OffsetDebtInputValue = t.TypeOf<typeof OffsetDebtInput>;
export type WriteOffDebtInputValue = t.TypeOf<typeof WriteOffDebtInput>;

/** The inputs by command type. */
export interface DebtInputs {
  readonly RecordDebt: RecordDebtInputValue;
  readonly RepayDebt: RepayDebtInputValue;
  readonly RestructureDebt: RestructureDebtInputValue;
  readonly OffsetDebt: OffsetDebtInputValue;
  readonly WriteOffDebt: WriteOffDebtInputValue;
}
