import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { Money } from '../../money/money.js';
import { accountsProblem, DEFAULT_CONTRACT_ACCOUNTS } from './accounts.js';
import { built, checked, type Decided, type DecisionContext } from './build.js';
import { contractError, type ContractError } from './errors.js';
import { contractAmended, contractExpired, contractRenewed, contractSigned, contractTerminated } from './events.js';
import { scheduledFen } from './figures.js';
import { AmendContractInput, RegisterContractInput, type ContractInputs } from './inputs.js';
import { liveContractOn } from './lookup.js';
import { grainAmount, grainJson, type InstalmentInput } from './schedule.js';

type Wire = Record<string, unknown>;

const instalmentFrom = (i: InstalmentInput, no: number, field: string): Either<ContractError, Wire> => {
  if ((i.amount === undefined) === (i.grain === undefined)) {
    return left(contractError('INSTALMENT_INVALID', `${field}: give either amount or grain (kg and pricePerKg), not ${i.amount === undefined ? 'neither' : 'both'}`));
  }
  const amount = i.grain === undefined ? (i.amount ?? Money.zero) : grainAmount(i.grain);
  if (!amount.isPositive()) return left(contractError('INSTALMENT_INVALID', `${field}.grain: ${i.grain?.kg.toFixed() ?? ''} kg at ${i.grain?.pricePerKg.toFixed() ?? ''} a kg come to less than a fen`));
  return right({ no, dueOn: i.dueOn, amount: amount.toString(), ...grainJson(i.grain) });
};

/** A schedule as a command gives it, numbered on from `firstNo`, grain turned into cash. */
export const scheduleFrom = (inputs: readonly InstalmentInput[], firstNo: number, field = 'instalments'): Either<ContractError, Wire[]> => {
  const out: Wire[] = [];
  for (const [k, i] of inputs.entries()) {
    const made = instalmentFrom(i, firstNo + k, `${field}[${k}]`);
    if (made._tag === 'Left') return made;
    out.push(made.right);
  }
  return right(out);
};

/** 合同登记: no voucher; income is recognised as the instalments fall due. */
export const registerContract = (input: ContractInputs['RegisterContract'], context: DecisionContext): Decided => {
  const accounts = {
    incomeAccount: input.incomeAccount ?? DEFAULT_CONTRACT_ACCOUNTS.incomeAccount,
    receivableAccount: input.receivableAccount ?? DEFAULT_CONTRACT_ACCOUNTS.receivableAccount,
    prepaymentAccount: input.prepaymentAccount ?? DEFAULT_CONTRACT_ACCOUNTS.prepaymentAccount,
  };
  const wrong = accountsProblem(context.chart, Object.entries(accounts) as [keyof typeof accounts, string][]);
  if (wrong !== undefined) return left(wrong);
  const schedule = scheduleFrom(input.instalments, 1);
  if (schedule._tag === 'Left') return schedule;
  const wire = { ...RegisterContractInput.encode(input), registeredOn: context.date, ...accounts, instalments: schedule.right };
  return checked(context, built(contractSigned, wire));
};

/** 合同变更: the instalments from `effectiveFrom` on replaced. */
export const amendContract = (input: ContractInputs['AmendContract'], context: DecisionContext): Decided => {
  const found = liveContractOn(context.book, input.contractId, context.organizationId);
  if (found._tag === 'Left') return found;
  const c = found.right;
  const schedule = scheduleFrom(input.instalments, c.lastNo + 1);
  if (schedule._tag === 'Left') return schedule;
  const replaces = c.schedule.filter((i) => i.dueOn >= input.effectiveFrom).map((i) => i.no);
  const wire = { ...AmendContractInput.encode(input), approvals: input.approvals ?? [], replaces, instalments: schedule.right };
  return checked(context, built(contractAmended, wire));
};

/** 合同续签: a later end and the instalments of the extension. */
export const renewContract = (input: ContractInputs['RenewContract'], context: DecisionContext): Decided => {
  const found = liveContractOn(context.book, input.contractId, context.organizationId);
  if (found._tag === 'Left') return found;
  const schedule = scheduleFrom(input.instalments, found.right.lastNo + 1);
  if (schedule._tag === 'Left') return schedule;
  const { organizationId, contractId, renewedOn, endsOn } = input;
  return checked(context, built(contractRenewed, { organizationId, contractId, renewedOn, endsOn, approvals: input.approvals ?? [], instalments: schedule.right }));
};

/** 合同解除: the instalments due after it cancelled; what was paid beyond the rest is owed back. */
export const terminateContract = (input: ContractInputs['TerminateContract'], context: DecisionContext): Decided => {
  const found = liveContractOn(context.book, input.contractId, context.organizationId);
  if (found._tag === 'Left') return found;
  const c = found.right;
  const cancelled = c.schedule.filter((i) => i.dueOn > input.terminatedOn);
  const kept = scheduledFen(c) - cancelled.reduce((sum, i) => sum + i.fen, 0n);
  const refund = c.paid > kept ? { refundDue: Money.fromFen(c.paid - kept).toString() } : {};
  const wire = { ...input, cancelled: cancelled.map((i) => i.no), ...refund };
  return checked(context, built(contractTerminated, wire));
};

/** 合同到期. */
export const expireContract = (input: ContractInputs['ExpireContract'], context: DecisionContext): Decided =>
  checked(context, built(contractExpired, { ...input }));
