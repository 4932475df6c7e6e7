import type { AssetRegister } from '../assets/asset-register.js';
import { accountRootProblem } from './accounts.js';
import type { Approval, ContractAmendedData, ContractExpiredData, ContractRenewedData, ContractSignedData, ContractTerminatedData, Subject } from './contract-events.js';
import { contractError, type ContractError } from './errors.js';
import { lastBooked, scheduledFen } from './figures.js';
import { beforeRegistration } from './lookup.js';
import type { ContractBook, ContractRecord } from './register.js';
import { firstProblem, mismatch, sameNos, scheduleProblem } from './rules-schedule.js';
import { Money } from '../../money/money.js';

const approvalsProblem = (approvals: readonly Approval[], date: string, what: string): ContractError | undefined => {
  const late = approvals.findIndex((a) => a.approvedOn > date);
  return late < 0 ? undefined : contractError('CONTRACT_DATE_INVALID', `approvals[${late}].approvedOn: ${approvals[late]?.approvedOn} is after ${what}, ${date}`);
};

/** A subject the asset register holds, when the register can be read: a resource or a fixed asset not disposed of. */
export const subjectProblem = (subject: Subject, date: string, assets: AssetRegister | undefined): ContractError | undefined => {
  const { assetId } = subject;
  if (assetId === undefined || assets === undefined || assets.resources.has(assetId)) return undefined;
  const fixed = assets.fixed.get(assetId);
  if (fixed === undefined) return contractError('SUBJECT_UNKNOWN', `subject.assetId: ${assetId} is not a resource or fixed asset on the asset register`);
  if (fixed.disposedOn !== undefined && fixed.disposedOn <= date) return contractError('SUBJECT_DISPOSED', `subject.assetId: ${assetId} (${fixed.name}) was disposed of on ${fixed.disposedOn}`);
  return undefined;
};

/** 合同登记: a new id, dates in order, a schedule inside the term, accounts of the right kind, a subject the asset register holds. */
export const signedProblem = (book: ContractBook, d: ContractSignedData, assets: AssetRegister | undefined): ContractError | undefined => {
  const start = d.signedOn < d.startsOn ? { from: d.signedOn, fromWhat: 'the contract was signed' } : { from: d.startsOn, fromWhat: 'the term starts' };
  return firstProblem(
    () => (book.contracts.has(d.contractId) || book.ended.has(d.contractId) ? contractError('CONTRACT_EXISTS', `contractId: ${d.contractId} is already on the register`) : undefined),
    () => (d.signedOn > d.registeredOn ? contractError('CONTRACT_DATE_INVALID', `signedOn: ${d.signedOn} is after registeredOn, ${d.registeredOn}`) : undefined),
    () => (d.endsOn < d.startsOn ? contractError('CONTRACT_TERM_INVALID', `endsOn: ${d.endsOn} is before the term starts, ${d.startsOn}`) : undefined),
    () => approvalsProblem(d.approvals, d.registeredOn, 'the contract was registered'),
    () => (d.instalments.length === 0 ? contractError('SCHEDULE_EMPTY', 'instalments: a contract needs at least one instalment') : undefined),
    () => scheduleProblem(d.instalments, 1, { ...start, to: d.endsOn, toWhat: 'the term ends' }),
    () => accountRootProblem('incomeAccount', d.incomeAccount) ?? accountRootProblem('receivableAccount', d.receivableAccount) ?? accountRootProblem('prepaymentAccount', d.prepaymentAccount),
    () => subjectProblem(d.subject, d.registeredOn, assets),
  );
};

const bookedProblem = (c: ContractRecord, from: string, what: string): ContractError | undefined => {
  const booked = lastBooked(c);
  if (booked === undefined || booked.dueOn < from) return undefined;
  return contractError('SCHEDULE_BOOKED', `${what}: instalment ${booked.no} due ${booked.dueOn} is recognised or paid already, and the schedule up to it cannot change`);
};

/**
 * 合同变更: effective from its own date on, touching no instalment recognised
 * or paid; the new instalments inside the (new) term. The instalments kept
 * fall due before it takes effect, so inside the term as well.
 */
export const amendedProblem = (c: ContractRecord, d: ContractAmendedData): ContractError | undefined => {
  const endsOn = d.endsOn ?? c.endsOn;
  const replaced = c.schedule.filter((i) => i.dueOn >= d.effectiveFrom).map((i) => i.no);
  return firstProblem(
    () => beforeRegistration(c, 'amendedOn', d.amendedOn),
    () => (d.effectiveFrom < d.amendedOn ? contractError('CONTRACT_DATE_INVALID', `effectiveFrom: ${d.effectiveFrom} is before the amendment, ${d.amendedOn}; a change applies from its own date on`) : undefined),
    () => (endsOn < d.effectiveFrom || endsOn < c.startsOn ? contractError('CONTRACT_TERM_INVALID', `endsOn: ${endsOn} is before the amendment takes effect, ${d.effectiveFrom}`) : undefined),
    () => approvalsProblem(d.approvals, d.amendedOn, 'the amendment'),
    () => (replaced.length === 0 && d.instalments.length === 0 && d.endsOn === undefined ? contractError('CONTRACT_AMENDMENT_EMPTY', 'instalments: the amendment changes neither the schedule nor the term') : undefined),
    () => bookedProblem(c, d.effectiveFrom, 'effectiveFrom'),
    () => sameNos('replaces', d.replaces, replaced),
    () => scheduleProblem(d.instalments, c.lastNo + 1, { from: d.effectiveFrom, fromWhat: 'the amendment takes effect', to: endsOn, toWhat: 'the term ends' }),
  );
};

/** 合同续签: a later end, with a schedule for it falling after the renewal and after whatever is booked. */
export const renewedProblem = (c: ContractRecord, d: ContractRenewedData): ContractError | undefined =>
  firstProblem(
    () => beforeRegistration(c, 'renewedOn', d.renewedOn),
    () => (d.endsOn <= c.endsOn ? contractError('CONTRACT_TERM_INVALID', `endsOn: ${d.endsOn} is not after the term's end, ${c.endsOn}`) : undefined),
    () => approvalsProblem(d.approvals, d.renewedOn, 'the renewal'),
    () => (d.instalments.length === 0 ? contractError('SCHEDULE_EMPTY', 'instalments: a renewal needs the instalments of its new term') : undefined),
    () => scheduleProblem(d.instalments, c.lastNo + 1, { from: d.renewedOn, fromWhat: 'the renewal', to: d.endsOn, toWhat: 'the renewed term ends' }),
    () => {
      const booked = lastBooked(c);
      const early = d.instalments.findIndex((i) => booked !== undefined && i.dueOn < booked.dueOn);
      return early < 0 ? undefined : contractError('SCHEDULE_BOOKED', `instalments[${early}].dueOn: ${d.instalments[early]?.dueOn} is before instalment ${booked?.no} due ${booked?.dueOn}, which is recognised or paid already`);
    },
  );

/** 合同解除: the instalments due after it cancelled (none recognised), what was paid beyond the rest owed back. */
export const terminatedProblem = (c: ContractRecord, d: ContractTerminatedData): ContractError | undefined => {
  const cancelled = c.schedule.filter((i) => i.dueOn > d.terminatedOn);
  const recognisedLate = c.schedule.slice(0, c.recognised).find((i) => i.dueOn > d.terminatedOn);
  const kept = scheduledFen(c) - cancelled.reduce((sum, i) => sum + i.fen, 0n);
  const refund = c.paid > kept ? c.paid - kept : 0n;
  return firstProblem(
    () => beforeRegistration(c, 'terminatedOn', d.terminatedOn),
    () => (recognisedLate === undefined ? undefined : contractError('SCHEDULE_BOOKED', `terminatedOn: instalment ${recognisedLate.no} due ${recognisedLate.dueOn} is recognised as income already; terminate on or after ${recognisedLate.dueOn}`)),
    () => sameNos('cancelled', d.cancelled, cancelled.map((i) => i.no)),
    () => mismatch('refundDue', d.refundDue ?? Money.zero, Money.fromFen(refund)),
  );
};

/** 合同到期: after the last day of the term. */
export const expiredProblem = (c: ContractRecord, d: ContractExpiredData): ContractError | undefined =>
  d.expiredOn <= c.endsOn ? contractError('CONTRACT_NOT_ENDED', `expiredOn: the term of ${c.contractId} runs to ${c.endsOn}; it expires after its last day`) : undefined;
