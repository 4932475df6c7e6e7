import type { SubLedger } from '../ledger/sub-ledger.js';
import { CarriedDebts } from './carry.js';
import { applyDebtEvent, emptyDebtRegister, type DebtRegister } from './debt-register.js';
import { recordDebt } from './decide-record.js';
import { offsetDebt, repayDebt, restructureDebt, writeOffDebt } from './decide-resolution.js';
import type { Decided, DecisionContext } from './decision.js';
import { debtError, type DebtError } from './errors.js';
import { debtEventTypes, type DebtEvent } from './events.js';
import { debtImpliedLines } from './implied-lines.js';
import type { DebtInputs } from './inputs.js';
import { recheckDebtEvent } from './rules.js';

/** The voucher series of the debt register in a year: 债-001, 债-002, … */
export const DEBT_SERIES = '债-';

/** A debt operation as the sub-ledger decides it: its type and its valid input. */
export type DebtOperation = {
  readonly [K in keyof DebtInputs]: { readonly type: K; readonly input: DebtInputs[K] };
}[keyof DebtInputs];

const decideFor = (operation: DebtOperation, context: DecisionContext): Decided => {
  switch (operation.type) {
    case 'RecordDebt':
      return recordDebt(operation.input, context);
    case 'RepayDebt':
      return repayDebt(operation.input, context);
    case 'RestructureDebt':
      return restructureDebt(operation.input, context);
    case 'OffsetDebt':
      return offsetDebt(operation.input, context);
    case 'WriteOffDebt':
      return writeOffDebt(operation.input, context);
  }
};

const dateField = (operation: DebtOperation): string => (operation.type === 'RecordDebt' ? 'recordedOn' : 'resolvedOn');

/**
 * 不良债务台账 on the ledger year: the collective's non-performing debts and
 * their resolutions, each with the voucher it implies (series 债-). The close
 * carries the debts still outstanding and the ids of those resolved.
 */
export const debtSubLedger: SubLedger<DebtOperation, DebtEvent, DebtRegister, DebtError, DebtRegister> = {
  name: 'debts',
  series: DEBT_SERIES,
  eventTypes: debtEventTypes,
  carried: CarriedDebts,
  open: (carried) => carried ?? emptyDebtRegister(),
  carry: (register) => register,
  evolve: applyDebtEvent,
  decide: (operation, register, year) =>
    decideFor(operation, { organizationId: year.organizationId, register, chart: year.chart, date: year.date, voucherNo: year.voucherNo }),
  recheck: recheckDebtEvent,
  impliedLines: debtImpliedLines,
  voucherNoOf: (operation) => operation.input.voucherNo,
  notVillage: (operation, found) =>
    debtError('DEBT_ORGANIZATION_NOT_VILLAGE', `organizationId: ${operation.input.organizationId} is ${found}; the debt register belongs to a village`),
  yearClosed: (operation, year) =>
    debtError('DEBT_YEAR_CLOSED', `${dateField(operation)}: ${year} is closed for ${operation.input.organizationId}; record it with a date in the open year`),
};
