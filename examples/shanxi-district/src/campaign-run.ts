import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { contracts, debts, type CommandContext } from '@collective-ledger/core';
import type { CampaignStep } from './campaign-year.js';
import type { ContractStep } from './contract-steps.js';

type Request = { readonly commandId: string; readonly actor: string };
type Outcome = Promise<Either<{ readonly message: string }, unknown>>;

const sendContract = (context: CommandContext, request: Request, step: ContractStep): Outcome => {
  switch (step.service) {
    case 'registerContract':
      return contracts.registerContract(context, { ...request, input: step.input });
    case 'flagContract':
      return contracts.flagContract(context, { ...request, input: step.input });
    case 'amendContract':
      return contracts.amendContract(context, { ...request, input: step.input });
    case 'rectifyContract':
      return contracts.rectifyContract(context, { ...request, input: step.input });
    case 'terminateContract':
      return contracts.terminateContract(context, { ...request, input: step.input });
    case 'renewContract':
      return contracts.renewContract(context, { ...request, input: step.input });
    case 'expireContract':
      return contracts.expireContract(context, { ...request, input: step.input });
    case 'recogniseContractIncome':
      return contracts.recogniseContractIncome(context, { ...request, input: step.input });
    case 'receiveContractPayment':
      return contracts.receiveContractPayment(context, { ...request, input: step.input });
  }
};

type DebtCampaignStep = Exclude<CampaignStep, ContractStep>;

const sendDebt = (context: CommandContext, request: Request, step: DebtCampaignStep): Outcome => {
  switch (step.service) {
    case 'recordDebt':
      return debts.recordDebt(context, { ...request, input: step.input });
    case 'repayDebt':
      return debts.repayDebt(context, { ...request, input: step.input });
    case 'restructureDebt':
      return debts.restructureDebt(context, { ...request, input: step.input });
    case 'offsetDebt':
      return debts.offsetDebt(context, { ...request, input: step.input });
    case 'writeOffDebt':
      return debts.writeOffDebt(context, { ...request, input: step.input });
  }
};

const isDebtStep = (step: CampaignStep): step is DebtCampaignStep => 'debtId' in step.input;

/** Send a campaign step to its service; a refusal stops the build, naming the step. */
export const runCampaignStep = async (context: CommandContext, request: Request, step: CampaignStep): Promise<void> => {
  const outcome = await (isDebtStep(step) ? sendDebt(context, request, step) : sendContract(context, request, step));
  if (isLeft(outcome)) {
    const subject = 'contractId' in step.input ? step.input.contractId : 'debtId' in step.input ? step.input.debtId : step.input.organizationId;
    throw new Error(`${step.service} ${subject} on ${step.date}: ${outcome.left.message}`);
  }
};
