import { right } from 'fp-ts/lib/Either.js';
import { Money } from '../../money/money.js';
import { DEBT_ACCOUNT_ROOTS, accountsProblem } from './account-rules.js';
import { built } from './build.js';
import type { DebtRecord } from './debt-register.js';
import { refused, type Decided, type DecisionContext } from './decision.js';
import { debtOffset, debtRepaid, debtRestructured, debtWrittenOff } from './events.js';
import type { OffsetDebtInputValue, RepayDebtInputValue, RestructureDebtInputValue, WriteOffDebtInputValue } from './inputs.js';
import { offsetPostings, repaymentPostings, restructuringPostings, writeOffPostings, type Posting } from './postings.js';
import { approvalProblem, isDebtError, reductionProblem, resolvable } from './rules.js';
import type { DebtError } from './errors.js';
import type { DebtResolution } from './events.js';

type Resolution = RepayDebtInputValue | RestructureDebtInputValue | OffsetDebtInputValue | WriteOffDebtInputValue;

/** The debt a resolution applies to, then the resolution's own rules, then its event and voucher. */
const resolve = (
  input: Resolution,
  context: DecisionContext,
  decide: (debt: DebtRecord, common: Record<string, unknown>) => DebtError | { readonly event: DebtResolution; readonly summary: string; readonly postings: Posting[] },
): Decided => {
  const debt = resolvable(context.register, context.organizationId, input);
  if (isDebtError(debt)) return refused(debt);
  const common = { organizationId: input.organizationId, debtId: input.debtId, resolvedOn: input.resolvedOn, amount: input.amount.toString(), voucherNo: context.voucherNo };
  const decided = decide(debt, common);
  if ('code' in decided) return refused(decided);
  return right({ events: [decided.event], summary: decided.summary, postings: decided.postings });
};

/** 偿还: Dr the debt's account, Cr `paidFrom` (default 102). */
export const repayDebt = (input: RepayDebtInputValue, context: DecisionContext): Decided =>
  resolve(input, context, (debt, common) => {
    const paidFrom = input.paidFrom ?? '102';
    const wrong = accountsProblem(context.chart, [['paidFrom', paidFrom, DEBT_ACCOUNT_ROOTS.paidFrom]]);
    if (wrong !== undefined) return wrong;
    return { event: built(debtRepaid, { ...common, paidFrom }), summary: `偿还债务：${debt.creditor.name}`, postings: repaymentPostings(debt.account, paidFrom, input.amount.toFen()) };
  });

/** 债务重组: Dr the debt's account, Cr `toAccount` what stays owed, Cr `incomeAccount` (default 504) the reduction. */
export const restructureDebt = (input: RestructureDebtInputValue, context: DecisionContext): Decided =>
  resolve(input, context, (debt, common) => {
    const reduction = input.reduction ?? Money.zero;
    const incomeAccount = input.incomeAccount ?? '504';
    const wrong =
      accountsProblem(context.chart, [
        ['toAccount', input.toAccount, DEBT_ACCOUNT_ROOTS.toAccount],
        ['incomeAccount', incomeAccount, DEBT_ACCOUNT_ROOTS.incomeAccount],
      ]) ?? reductionProblem(input.amount, reduction);
    if (wrong !== undefined) return wrong;
    return {
      event: built(debtRestructured, { ...common, toAccount: input.toAccount, reduction: reduction.toString(), incomeAccount, terms: input.terms }),
      summary: `债务重组：${debt.creditor.name}`,
      postings: restructuringPostings({ from: debt.account, to: input.toAccount, income: incomeAccount }, input.amount.toFen(), reduction.toFen()),
    };
  });

/** 抵销: Dr the debt's account, Cr `receivableAccount` (default 112). */
export const offsetDebt = (input: OffsetDebtInputValue, context: DecisionContext): Decided =>
  resolve(input, context, (debt, common) => {
    const receivableAccount = input.receivableAccount ?? '112';
    const wrong = accountsProblem(context.chart, [['receivableAccount', receivableAccount, DEBT_ACCOUNT_ROOTS.receivableAccount]]);
    if (wrong !== undefined) return wrong;
    return {
      event: built(debtOffset, { ...common, receivableAccount, ...(input.note === undefined ? {} : { note: input.note }) }),
      summary: `债权债务抵销：${debt.creditor.name}`,
      postings: offsetPostings(debt.account, receivableAccount, input.amount.toFen()),
    };
  });

/** 核销: approved on or before its date; Dr the debt's account, Cr `incomeAccount` (default 504). */
export const writeOffDebt = (input: WriteOffDebtInputValue, context: DecisionContext): Decided =>
  resolve(input, context, (debt, common) => {
    const incomeAccount = input.incomeAccount ?? '504';
    const wrong = accountsProblem(context.chart, [['incomeAccount', incomeAccount, DEBT_ACCOUNT_ROOTS.incomeAccount]]) ?? approvalProblem(input.approval, input.resolvedOn);
    if (wrong !== undefined) return wrong;
    return {
      event: built(debtWrittenOff, { ...common, approval: { ...input.approval }, incomeAccount }),
      summary: `核销债务：${debt.creditor.name}`,
      postings: writeOffPostings(debt.account, incomeAccount, input.amount.toFen()),
    };
  });
