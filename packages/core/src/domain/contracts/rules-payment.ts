import { Money } from '../../money/money.js';
import { accountRootProblem } from './accounts.js';
import { contractError, type ContractError } from './errors.js';
import { dueToRecognise, owedFen, splitPayment } from './figures.js';
import { beforeRegistration } from './lookup.js';
import type { ContractIncomeRecognisedData, ContractPaymentReceivedData } from './payment-events.js';
import type { ContractBook, ContractRecord } from './register.js';
import { firstProblem, mismatch, sameNos } from './rules-schedule.js';

/** What a recognition run through `through` takes of one contract, or nothing (registered later, or nothing due). */
export const recognitionOf = (c: ContractRecord, through: string): ReturnType<typeof dueToRecognise> | undefined => {
  if (c.registeredOn > through) return undefined;
  const due = dueToRecognise(c, through);
  return due.instalments.length === 0 ? undefined : due;
};

const itemProblem = (c: ContractRecord | undefined, item: ContractIncomeRecognisedData['contracts'][number], through: string, k: number): ContractError | undefined => {
  const field = `contracts[${k}]`;
  if (c === undefined) return contractError('CONTRACT_UNKNOWN', `${field}.contractId: ${item.contractId} is not a contract with instalments to recognise`);
  const due = recognitionOf(c, through);
  if (due === undefined) return contractError('CONTRACT_EVENT_INCONSISTENT', `${field}: ${c.contractId} has no instalment due by ${through} left to recognise`);
  return firstProblem(
    () => sameNos(`${field}.instalments`, item.instalments, due.instalments.map((i) => i.no)),
    () => mismatch(`${field}.amount`, item.amount, Money.fromFen(due.fen)),
    () => mismatch(`${field}.prepaid`, item.prepaid, Money.fromFen(due.prepaid)),
  );
};

/** 确认收入: exactly the instalments due by its date and not yet recognised, of every contract, each contract once. */
export const recognisedProblem = (book: ContractBook, d: ContractIncomeRecognisedData): ContractError | undefined => {
  const listed = new Set<string>();
  for (const [k, item] of d.contracts.entries()) {
    if (listed.has(item.contractId)) return contractError('CONTRACT_EVENT_INCONSISTENT', `contracts[${k}].contractId: ${item.contractId} is listed twice`);
    listed.add(item.contractId);
    const problem = itemProblem(book.contracts.get(item.contractId), item, d.recognisedOn, k);
    if (problem !== undefined) return problem;
  }
  for (const c of book.contracts.values()) {
    if (!listed.has(c.contractId) && recognitionOf(c, d.recognisedOn) !== undefined) {
      return contractError('CONTRACT_EVENT_INCONSISTENT', `contracts: ${c.contractId} has instalments due by ${d.recognisedOn} that the run leaves out`);
    }
  }
  return d.contracts.length === 0 ? contractError('NOTHING_TO_RECOGNISE', `recognisedOn: no instalment due by ${d.recognisedOn} is left to recognise`) : undefined;
};

/** 收款: no more than the whole schedule still owes, split between receivable and prepayment as the rules split it. */
export const paymentProblem = (c: ContractRecord, d: ContractPaymentReceivedData): ContractError | undefined => {
  const fen = d.amount.toFen();
  const owed = owedFen(c);
  const split = splitPayment(c, fen);
  return firstProblem(
    () => beforeRegistration(c, 'receivedOn', d.receivedOn),
    () => accountRootProblem('receivedInto', d.receivedInto),
    () =>
      fen > owed
        ? contractError('PAYMENT_OVER_OUTSTANDING', `amount: ${d.amount.toString()} is more than the ${Money.fromFen(owed > 0n ? owed : 0n).toString()} still owed on the whole schedule of ${c.contractId}`)
        : undefined,
    () => mismatch('toReceivable', d.toReceivable, Money.fromFen(split.toReceivable)),
    () => mismatch('toPrepayment', d.toPrepayment, Money.fromFen(split.toPrepayment)),
  );
};
