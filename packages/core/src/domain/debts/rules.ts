import { Money } from '../../money/money.js';
import { DEBT_ACCOUNT_ROOTS, rootProblem } from './account-rules.js';
import type { DebtRecordedData, WriteOffApproval } from './debt-events.js';
import { outstandingOf, type DebtRecord, type DebtRegister } from './debt-register.js';
import { debtError, type DebtError } from './errors.js';
import type { DebtEvent, DebtResolution } from './events.js';

/*
 * The rules of the register that hold whatever the chart: the commands
 * decide with them, and the checked import and `verify` apply them again to
 * every recorded event (the sub-ledger's `recheck`).
 */

const yuan = (fen: bigint): string => Money.fromFen(fen).toString();

const accountRule = (field: string, code: string, roots: readonly string[] | 'debitable'): DebtError | undefined => {
  const problem = rootProblem(field, code, roots);
  return problem === undefined ? undefined : debtError('DEBT_ACCOUNT_INVALID', problem);
};

type Recording = Pick<DebtRecordedData, 'organizationId' | 'debtId' | 'origin' | 'originNote' | 'account' | 'recordedOn' | 'incurredOn' | 'recognition' | 'debitAccount' | 'voucherNo'>;

const recognitionProblem = (d: Recording): DebtError | undefined => {
  if (d.recognition === 'new') {
    return d.debitAccount === undefined ? debtError('DEBT_RECOGNITION_INVALID', 'debitAccount: a debt recognised now (recognition: new) needs the account its voucher debits') : undefined;
  }
  const posting = d.debitAccount === undefined ? (d.voucherNo === undefined ? undefined : 'voucherNo') : 'debitAccount';
  if (posting === undefined) return undefined;
  return debtError('DEBT_RECOGNITION_INVALID', `${posting}: a debt already on the books (recognition: existing) posts no voucher; give recognition: new to post one`);
};

/** A debt may be recorded: its id is new to the village, an `other` origin says which, a new debt says what it is charged to. */
export const recordingProblem = (register: DebtRegister, d: Recording): DebtError | undefined => {
  if (register.open.has(d.debtId) || register.settled.has(d.debtId)) return debtError('DEBT_EXISTS', `debtId: ${d.debtId} is already on the debt register of ${d.organizationId}`);
  if (d.origin === 'other' && d.originNote === undefined) return debtError('DEBT_ORIGIN_NOTE_MISSING', 'originNote: a debt of origin other needs a note saying what it arose from');
  if (d.incurredOn !== undefined && d.incurredOn > d.recordedOn) return debtError('DEBT_DATE_INVALID', `incurredOn: ${d.incurredOn} is after recordedOn ${d.recordedOn}`);
  return (
    recognitionProblem(d) ??
    accountRule('account', d.account, DEBT_ACCOUNT_ROOTS.account) ??
    (d.debitAccount === undefined ? undefined : accountRule('debitAccount', d.debitAccount, 'debitable'))
  );
};

/** The debt a resolution of `amount` fen on `date` applies to: on the register, not fully resolved, recorded by then, owing at least that much. */
export const resolvable = (register: DebtRegister, organizationId: string, r: { debtId: string; resolvedOn: string; amount: Money }): DebtError | DebtRecord => {
  const debt = register.open.get(r.debtId);
  if (debt === undefined) {
    const settledOn = register.settled.get(r.debtId);
    if (settledOn !== undefined) return debtError('DEBT_RESOLVED', `debtId: ${r.debtId} was fully resolved on ${settledOn}`);
    return debtError('DEBT_UNKNOWN', `debtId: ${r.debtId} is not on the debt register of ${organizationId}`);
  }
  if (r.resolvedOn < debt.recordedOn) return debtError('DEBT_DATE_INVALID', `resolvedOn: ${r.resolvedOn} is before ${r.debtId} was recorded on ${debt.recordedOn}`);
  const outstanding = outstandingOf(debt);
  if (r.amount.toFen() > outstanding) {
    return debtError('DEBT_OVERPAID', `amount: ${r.amount.toString()} is more than the ${yuan(outstanding)} still outstanding of ${r.debtId}`);
  }
  return debt;
};

export const isDebtError = (value: DebtError | DebtRecord): value is DebtError => 'code' in value;

/** The reduction of a restructuring is less than what it resolves: what remains moves to the new account. */
export const reductionProblem = (amount: Money, reduction: Money): DebtError | undefined =>
  reduction.toFen() < amount.toFen()
    ? undefined
    : debtError('DEBT_REDUCTION_INVALID', `reduction: ${reduction.toString()} is not less than amount ${amount.toString()}; a debt the creditor forgoes in full is written off`);

/** A write-off is approved on or before its date. */
export const approvalProblem = (approval: WriteOffApproval, resolvedOn: string): DebtError | undefined =>
  approval.approvedOn <= resolvedOn ? undefined : debtError('DEBT_APPROVAL_INVALID', `approval.approvedOn: ${approval.approvedOn} is after the write-off on ${resolvedOn}`);

/** What a resolution event names besides the debt: its own accounts and figures. */
const resolutionRules = (event: DebtResolution): DebtError | undefined => {
  switch (event.type) {
    case 'DebtRepaid':
      return accountRule('paidFrom', event.data.paidFrom, DEBT_ACCOUNT_ROOTS.paidFrom);
    case 'DebtRestructured':
      return (
        accountRule('toAccount', event.data.toAccount, DEBT_ACCOUNT_ROOTS.toAccount) ??
        accountRule('incomeAccount', event.data.incomeAccount, DEBT_ACCOUNT_ROOTS.incomeAccount) ??
        reductionProblem(event.data.amount, event.data.reduction)
      );
    case 'DebtOffset':
      return accountRule('receivableAccount', event.data.receivableAccount, DEBT_ACCOUNT_ROOTS.receivableAccount);
    case 'DebtWrittenOff':
      return accountRule('incomeAccount', event.data.incomeAccount, DEBT_ACCOUNT_ROOTS.incomeAccount) ?? approvalProblem(event.data.approval, event.data.resolvedOn);
  }
};

/** Whether a recorded event is a legal transition of the register: the message of the rule it breaks. */
export const recheckDebtEvent = (register: DebtRegister, event: DebtEvent): string | undefined => {
  if (event.type === 'DebtRecorded') return recordingProblem(register, event.data)?.message;
  const debt = resolvable(register, event.data.organizationId, event.data);
  if (isDebtError(debt)) return debt.message;
  return resolutionRules(event)?.message;
};
