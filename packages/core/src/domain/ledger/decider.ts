import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Decider } from '../../kernel/decider.js';
import { accountProblem } from './accounts-check.js';
import { closingOf } from './closing.js';
import type { CloseYear, LedgerCommand, PostVoucher } from './commands.js';
import { ledgerError, type LedgerError } from './errors.js';
import { reversalProblem } from './reversal.js';
import type { LedgerEvent } from './events.js';
import { evolveLedgerYear, initialLedgerYear, type LedgerYearState } from './state.js';

export type { LedgerYearState } from './state.js';
export type { LedgerError } from './errors.js';

const voucherProblem = (command: PostVoucher, state: LedgerYearState): LedgerError | undefined => {
  const { voucher } = command;
  const year = Number(voucher.date.slice(0, 4));
  if (command.organizationKind !== 'village') {
    const found = command.organizationKind === undefined ? 'not registered' : `a ${command.organizationKind}`;
    return ledgerError('VOUCHER_ORGANIZATION_NOT_VILLAGE', `organizationId: ${voucher.organizationId} is ${found}; vouchers belong to a village`);
  }
  if (state.closed !== undefined) {
    return ledgerError(
      'VOUCHER_YEAR_CLOSED',
      `date: ${year} is closed for ${voucher.organizationId}; post the correction in the open year with adjustsYear: ${year}`,
    );
  }
  if (voucher.adjustsYear !== undefined && voucher.adjustsYear >= year) {
    return ledgerError('VOUCHER_ADJUSTS_OPEN_YEAR', `adjustsYear: ${voucher.adjustsYear} is not before the voucher's year ${year}`);
  }
  if (state.vouchers.has(voucher.voucherNo)) {
    return ledgerError('VOUCHER_NUMBER_TAKEN', `voucherNo: ${voucher.voucherNo} is already posted in ${year}`);
  }
  const ownBalance = (code: string): bigint => (command.carried.get(code) ?? 0n) + (state.movements.get(code) ?? 0n);
  return reversalProblem(voucher, state) ?? accountProblem(voucher, command.chart, ownBalance);
};

const closeYear = (command: CloseYear, state: LedgerYearState): Either<LedgerError, readonly LedgerEvent[]> => {
  if (command.organizationKind !== 'village') {
    const found = command.organizationKind === undefined ? 'not registered' : `a ${command.organizationKind}`;
    return left(ledgerError('YEAR_ORGANIZATION_NOT_VILLAGE', `organizationId: ${command.organizationId} is ${found}; only a village keeps books`));
  }
  if (state.closed !== undefined) {
    return left(ledgerError('YEAR_ALREADY_CLOSED', `year: ${command.year} is already closed for ${command.organizationId}`));
  }
  if (command.previousYear.status === 'open') {
    return left(ledgerError('YEAR_PREVIOUS_OPEN', `year: close ${command.previousYear.year} of ${command.organizationId} before ${command.year}`));
  }
  const closing = closingOf(command, state);
  return closing._tag === 'Left' ? closing : right([{ type: 'YearClosed', data: closing.right }]);
};

const decide = (command: LedgerCommand, state: LedgerYearState): Either<LedgerError, readonly LedgerEvent[]> => {
  if (command.type === 'CloseYear') return closeYear(command, state);
  const problem = voucherProblem(command, state);
  return problem === undefined ? right([{ type: 'VoucherPosted', data: command.voucher }]) : left(problem);
};

/** One village's ledger for one year: vouchers (记账凭证) and the year-end close (年终结账). */
export const ledgerDecider: Decider<LedgerCommand, LedgerEvent, LedgerYearState, LedgerError> = {
  decide,
  evolve: evolveLedgerYear,
  initialState: initialLedgerYear,
};
