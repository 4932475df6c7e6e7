import { left } from 'fp-ts/lib/Either.js';
import { Money } from '../../money/money.js';
import { accountsProblem, DEFAULT_CONTRACT_ACCOUNTS } from './accounts.js';
import { built, checked, type Decided, type DecisionContext } from './build.js';
import { contractError } from './errors.js';
import { contractFlagged, contractFlagWithdrawn, contractIncomeRecognised, contractPaymentReceived, contractRectified } from './events.js';
import { splitPayment } from './figures.js';
import { FlagContractInput, RectifyContractInput, WithdrawContractFlagInput, type ContractInputs } from './inputs.js';
import { contractOn } from './lookup.js';
import { paymentPostings, recognitionPostings, type RecognitionLine } from './postings.js';
import { recognitionOf } from './rules-payment.js';

/** 确认收入: every contract's instalments due by `through` and not yet recognised, in one voucher. */
export const recogniseIncome = (input: ContractInputs['RecogniseContractIncome'], context: DecisionContext): Decided => {
  const items: Record<string, unknown>[] = [];
  const lines: RecognitionLine[] = [];
  for (const c of context.book.contracts.values()) {
    const due = recognitionOf(c, input.through);
    if (due === undefined) continue;
    items.push({ contractId: c.contractId, instalments: due.instalments.map((i) => i.no), amount: Money.fromFen(due.fen).toString(), prepaid: Money.fromFen(due.prepaid).toString() });
    lines.push({ incomeAccount: c.incomeAccount, receivableAccount: c.receivableAccount, prepaymentAccount: c.prepaymentAccount, fen: due.fen, prepaid: due.prepaid });
  }
  if (items.length === 0) return left(contractError('NOTHING_TO_RECOGNISE', `through: no instalment due by ${input.through} is left to recognise`));
  const event = built(contractIncomeRecognised, { organizationId: input.organizationId, recognisedOn: input.through, contracts: items, voucherNo: context.voucherNo });
  return checked(context, event, `确认合同收入（截至${input.through}）`, recognitionPostings(lines));
};

/** 收款: Dr cash or bank; Cr the receivable, and the prepayment account for what runs ahead of the income recognised. */
export const receivePayment = (input: ContractInputs['ReceiveContractPayment'], context: DecisionContext): Decided => {
  const found = contractOn(context.book, input.contractId, context.organizationId);
  if (found._tag === 'Left') return found;
  const c = found.right;
  const receivedInto = input.receivedInto ?? DEFAULT_CONTRACT_ACCOUNTS.receivedInto;
  const wrong = accountsProblem(context.chart, [['receivedInto', receivedInto]]);
  if (wrong !== undefined) return left(wrong);
  const split = splitPayment(c, input.amount.toFen());
  const event = built(contractPaymentReceived, {
    ...input,
    amount: input.amount.toString(),
    receivedInto,
    toReceivable: Money.fromFen(split.toReceivable).toString(),
    toPrepayment: Money.fromFen(split.toPrepayment).toString(),
    voucherNo: context.voucherNo,
  });
  const accounts = { receivedInto, receivableAccount: c.receivableAccount, prepaymentAccount: c.prepaymentAccount };
  return checked(context, event, `收取合同款：${c.title}`, paymentPostings(accounts, split));
};

/** 认定不规范. */
export const flagContract = (input: ContractInputs['FlagContract'], context: DecisionContext): Decided =>
  checked(context, built(contractFlagged, FlagContractInput.encode(input)));

/** 整改完成. */
export const rectifyContract = (input: ContractInputs['RectifyContract'], context: DecisionContext): Decided =>
  checked(context, built(contractRectified, RectifyContractInput.encode(input)));

/** 撤销认定. */
export const withdrawFlag = (input: ContractInputs['WithdrawContractFlag'], context: DecisionContext): Decided =>
  checked(context, built(contractFlagWithdrawn, WithdrawContractFlagInput.encode(input)));
