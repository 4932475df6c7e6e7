import type { ContractFlaggedData, ContractFlagWithdrawnData, ContractRectifiedData } from './review-events.js';
import { contractError, type ContractError } from './errors.js';
import { beforeRegistration } from './lookup.js';
import type { ContractRecord } from './register.js';
import { firstProblem } from './rules-schedule.js';

const reasonsProblem = (reasons: ContractFlaggedData['reasons']): ContractError | undefined => {
  if (reasons.length === 0) return contractError('FLAG_REASON_INVALID', 'reasons: a flag needs at least one reason');
  const twice = reasons.findIndex((r, k) => reasons.findIndex((o) => o.reason === r.reason) < k);
  if (twice >= 0) return contractError('FLAG_REASON_INVALID', `reasons[${twice}].reason: ${reasons[twice]?.reason} is given twice`);
  const bare = reasons.findIndex((r) => r.reason === 'other' && r.note === undefined);
  return bare < 0 ? undefined : contractError('FLAG_REASON_INVALID', `reasons[${bare}].note: a reason "other" needs a note saying what is irregular`);
};

/** 核查认定不规范: a live contract with no flag open, flagged with its reasons. */
export const flaggedProblem = (c: ContractRecord, d: ContractFlaggedData): ContractError | undefined =>
  firstProblem(
    () => beforeRegistration(c, 'flaggedOn', d.flaggedOn),
    () => (c.flag === undefined ? undefined : contractError('CONTRACT_ALREADY_FLAGGED', `contractId: ${c.contractId} was flagged on ${c.flag.flaggedOn} and is not yet rectified`)),
    () => reasonsProblem(d.reasons),
  );

/** An open flag answered (rectified, or withdrawn) on or after the day it was raised. */
const answerProblem = (c: ContractRecord, field: string, date: string): ContractError | undefined => {
  if (c.status === 'terminated') return contractError('CONTRACT_TERMINATED', `contractId: ${c.contractId} was terminated on ${c.endedOn ?? ''}`);
  if (c.flag === undefined) return contractError('CONTRACT_NOT_FLAGGED', `contractId: ${c.contractId} has no flag open; only a contract a review flagged is rectified`);
  return date < c.flag.flaggedOn ? contractError('CONTRACT_DATE_INVALID', `${field}: ${date} is before the flag was raised, ${c.flag.flaggedOn}`) : undefined;
};

/** 整改完成: a flagged contract not terminated. */
export const rectifiedProblem = (c: ContractRecord, d: ContractRectifiedData): ContractError | undefined => {
  const answered = answerProblem(c, 'rectifiedOn', d.rectifiedOn);
  if (answered !== undefined) return answered;
  const late = (d.approvals ?? []).findIndex((a) => a.approvedOn > d.rectifiedOn);
  return late < 0 ? undefined : contractError('CONTRACT_DATE_INVALID', `approvals[${late}].approvedOn: ${d.approvals?.[late]?.approvedOn} is after the rectification, ${d.rectifiedOn}`);
};

/** 撤销认定: a flag withdrawn. */
export const withdrawnProblem = (c: ContractRecord, d: ContractFlagWithdrawnData): ContractError | undefined => answerProblem(c, 'withdrawnOn', d.withdrawnOn);
