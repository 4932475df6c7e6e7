import type { AssetRegister } from '../assets/asset-register.js';
import type { SubLedger, YearRegisters } from '../ledger/sub-ledger.js';
import type { Decided, DecisionContext } from './build.js';
import { CarriedContracts, carriedBook } from './carry.js';
import { amendContract, expireContract, registerContract, renewContract, terminateContract } from './decide-contract.js';
import { flagContract, receivePayment, recogniseIncome, rectifyContract, withdrawFlag } from './decide-payment.js';
import { contractError, type ContractError } from './errors.js';
import { contractEventTypes, type ContractEvent } from './events.js';
import { contractImpliedLines } from './implied-lines.js';
import type { ContractInputs } from './inputs.js';
import { applyContractEvent, emptyContractBook, type ContractBook } from './register.js';
import { contractProblem } from './rules.js';

/** The voucher series of the contract register in a year: 合-001, 合-002, … */
export const CONTRACT_SERIES = '合-';

/** A contract operation as the sub-ledger decides it: its type and its valid input. */
export type ContractOperation = {
  readonly [K in keyof ContractInputs]: { readonly type: K; readonly input: ContractInputs[K] };
}[keyof ContractInputs];

const decideFor = (operation: ContractOperation, context: DecisionContext): Decided => {
  switch (operation.type) {
    case 'RegisterContract':
      return registerContract(operation.input, context);
    case 'AmendContract':
      return amendContract(operation.input, context);
    case 'RenewContract':
      return renewContract(operation.input, context);
    case 'TerminateContract':
      return terminateContract(operation.input, context);
    case 'ExpireContract':
      return expireContract(operation.input, context);
    case 'FlagContract':
      return flagContract(operation.input, context);
    case 'RectifyContract':
      return rectifyContract(operation.input, context);
    case 'WithdrawContractFlag':
      return withdrawFlag(operation.input, context);
    case 'RecogniseContractIncome':
      return recogniseIncome(operation.input, context);
    case 'ReceiveContractPayment':
      return receivePayment(operation.input, context);
  }
};

/** The year's asset register, where a contract's subject is looked up. */
const assetsOf = (registers: YearRegisters): AssetRegister | undefined => registers.assets as AssetRegister | undefined;

/**
 * 合同台账 on the ledger year: contracts, their reviews, the income they
 * earn and the money received on them, each recognition and payment with
 * the voucher it implies (series 合-). The close carries every contract
 * still in force or still owing, so an operation reads its own year and
 * the last close.
 */
export const contractSubLedger: SubLedger<ContractOperation, ContractEvent, ContractBook, ContractError, ContractBook> = {
  name: 'contracts',
  series: CONTRACT_SERIES,
  eventTypes: contractEventTypes,
  carried: CarriedContracts,
  open: (carried) => carried ?? emptyContractBook(),
  carry: carriedBook,
  evolve: applyContractEvent,
  decide: (operation, book, year) =>
    decideFor(operation, { organizationId: year.organizationId, book, assets: assetsOf(year.registers), chart: year.chart, date: year.date, voucherNo: year.voucherNo }),
  recheck: (book, event, registers) => {
    const problem = contractProblem(book, event, assetsOf(registers));
    return problem === undefined ? undefined : `${problem.code}: ${problem.message}`;
  },
  impliedLines: contractImpliedLines,
  voucherNoOf: (operation) => ('voucherNo' in operation.input ? operation.input.voucherNo : undefined),
  notVillage: (operation, found) =>
    contractError('CONTRACT_ORGANIZATION_NOT_VILLAGE', `organizationId: ${operation.input.organizationId} is ${found}; contracts are a village collective's`),
  yearClosed: (operation, year) =>
    contractError('CONTRACT_YEAR_CLOSED', `${year} is closed for ${operation.input.organizationId}: record it with a date in the open year`),
};
