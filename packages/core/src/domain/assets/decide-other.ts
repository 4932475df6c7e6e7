import { left, right } from 'fp-ts/lib/Either.js';
import { ACCOUNT_ROOTS, accountsProblem } from './account-rules.js';
import { built, yuan } from './build.js';
import { MakeLongTermInvestmentInput, type MakeLongTermInvestmentInputValue, RecordResourceIncomeInput, type RecordResourceIncomeInputValue, RegisterResourceAssetInput, type RegisterResourceAssetInputValue, type RecoverLongTermInvestmentInputValue } from './inputs.js';
import { idTaken, refuse, type Decided, type DecisionContext } from './decision.js';
import { longTermInvestmentMade, longTermInvestmentRecovered, resourceAssetRegistered, resourceIncomeRecorded } from './events.js';
import { credit, debit, recoveryPostings } from './postings.js';

/** 登记资源性资产: no voucher; a resource has no book value in the ledger. */
export const registerResourceAsset = (input: RegisterResourceAssetInputValue, context: DecisionContext): Decided => {
  if (idTaken(context.register, input.assetId)) return refuse('ASSET_ID_TAKEN', `assetId: ${input.assetId} is already on the register of ${context.organizationId}`);
  return right({ events: [built(resourceAssetRegistered, RegisterResourceAssetInput.encode(input))], summary: '', postings: [] });
};

/** 资源性资产收入: Dr `receivedInto`, Cr the income account, tagged with the resource. */
export const recordResourceIncome = (input: RecordResourceIncomeInputValue, context: DecisionContext): Decided => {
  const resource = context.register.resources.get(input.assetId);
  if (resource === undefined) return refuse('ASSET_UNKNOWN', `assetId: ${input.assetId} is not a resource asset of ${context.organizationId}`);
  if (input.receivedOn < resource.registeredOn) {
    return refuse('ASSET_DATE_BEFORE_ACQUISITION', `receivedOn: ${input.receivedOn} is before ${input.assetId} was registered on ${resource.registeredOn}`);
  }
  const accounts = { incomeAccount: input.incomeAccount ?? '501', receivedInto: input.receivedInto ?? '102' };
  const wrong = accountsProblem(context.chart, [
    ['incomeAccount', accounts.incomeAccount, ACCOUNT_ROOTS.incomeAccount],
    ['receivedInto', accounts.receivedInto],
  ]);
  if (wrong !== undefined) return left(wrong);
  const fen = input.amount.toFen();
  const event = built(resourceIncomeRecorded, { ...RecordResourceIncomeInput.encode(input), ...accounts, voucherNo: context.voucherNo });
  return right({ events: [event], summary: input.summary, postings: [debit(accounts.receivedInto, fen), credit(accounts.incomeAccount, fen)] });
};

/** 对外投资: Dr the investment (141), Cr what paid for it. */
export const makeLongTermInvestment = (input: MakeLongTermInvestmentInputValue, context: DecisionContext): Decided => {
  if (idTaken(context.register, input.investmentId)) {
    return refuse('ASSET_ID_TAKEN', `investmentId: ${input.investmentId} is already on the register of ${context.organizationId}`);
  }
  const accounts = { investmentAccount: input.investmentAccount ?? '141', paidFrom: input.paidFrom ?? '102' };
  const wrong = accountsProblem(context.chart, [
    ['investmentAccount', accounts.investmentAccount, ACCOUNT_ROOTS.investmentAccount],
    ['paidFrom', accounts.paidFrom],
  ]);
  if (wrong !== undefined) return left(wrong);
  const fen = input.amount.toFen();
  const event = built(longTermInvestmentMade, { ...MakeLongTermInvestmentInput.encode(input), ...accounts, voucherNo: context.voucherNo });
  return right({ events: [event], summary: `对外投资：${input.investee}`, postings: [debit(accounts.investmentAccount, fen), credit(accounts.paidFrom, fen)] });
};

/** 收回投资: once; the difference from the amount invested is 投资收益. */
export const recoverLongTermInvestment = (input: RecoverLongTermInvestmentInputValue, context: DecisionContext): Decided => {
  const investment = context.register.investments.get(input.investmentId);
  if (investment === undefined) return refuse('ASSET_UNKNOWN', `investmentId: ${input.investmentId} is not a long-term investment of ${context.organizationId}`);
  if (investment.recoveredOn !== undefined) {
    return refuse('INVESTMENT_RECOVERED', `investmentId: ${input.investmentId} was recovered on ${investment.recoveredOn}`);
  }
  if (input.recoveredOn < investment.madeOn) {
    return refuse('ASSET_DATE_BEFORE_ACQUISITION', `recoveredOn: ${input.recoveredOn} is before ${input.investmentId} was made on ${investment.madeOn}`);
  }
  const accounts = { receivedInto: input.receivedInto ?? '102', investment: investment.investmentAccount, income: input.incomeAccount ?? '502' };
  const wrong = accountsProblem(context.chart, [
    ['receivedInto', accounts.receivedInto],
    ['incomeAccount', accounts.income, ACCOUNT_ROOTS.investmentIncomeAccount],
  ]);
  if (wrong !== undefined) return left(wrong);
  const event = built(longTermInvestmentRecovered, {
    organizationId: context.organizationId,
    investmentId: input.investmentId,
    recoveredOn: input.recoveredOn,
    carrying: yuan(investment.amount),
    proceeds: input.proceeds.toString(),
    receivedInto: accounts.receivedInto,
    voucherNo: context.voucherNo,
  });
  return right({
    events: [event],
    summary: `收回对外投资：${investment.investee}`,
    postings: recoveryPostings(accounts, investment.amount, input.proceeds.toFen()),
  });
};
