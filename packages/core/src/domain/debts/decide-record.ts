import { right } from 'fp-ts/lib/Either.js';
import { DEBT_ACCOUNT_ROOTS, accountsProblem } from './account-rules.js';
import { built } from './build.js';
import { refused, type Decided, type DecisionContext } from './decision.js';
import { debtRecorded } from './events.js';
import { RecordDebtInput, type RecordDebtInputValue } from './inputs.js';
import { recognitionPostings } from './postings.js';
import { recordingProblem } from './rules.js';

/**
 * 不良债务登记. A debt already on the books (the default) is identified and
 * posts nothing; a debt recognised now posts Dr `debitAccount`, Cr `account`.
 */
export const recordDebt = (input: RecordDebtInputValue, context: DecisionContext): Decided => {
  const recognition = input.recognition ?? 'existing';
  const problem =
    recordingProblem(context.register, { ...input, recognition }) ??
    accountsProblem(context.chart, [
      ['account', input.account, DEBT_ACCOUNT_ROOTS.account],
      ...(input.debitAccount === undefined ? [] : [['debitAccount', input.debitAccount, 'debitable'] as const]),
    ]);
  if (problem !== undefined) return refused(problem);
  const { voucherNo: _named, ...rest } = RecordDebtInput.encode(input);
  if (recognition === 'existing' || input.debitAccount === undefined) {
    return right({ events: [built(debtRecorded, { ...rest, recognition })], summary: '', postings: [] });
  }
  const event = built(debtRecorded, { ...rest, recognition, voucherNo: context.voucherNo });
  return right({
    events: [event],
    summary: `确认债务：${input.creditor.name}`,
    postings: recognitionPostings(input.debitAccount, input.account, input.amount.toFen()),
  });
};
