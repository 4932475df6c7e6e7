import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Decider, DomainError } from '../../kernel/decider.js';
import type { LedgerCommand } from './commands.js';
import type { LedgerEvent } from './events.js';

/** The state of one village's ledger for one fiscal year: the voucher numbers used so far. */
export interface LedgerYearState {
  readonly voucherNos: ReadonlySet<string>;
}

export interface LedgerError extends DomainError {
  readonly code: 'VOUCHER_NUMBER_TAKEN' | 'VOUCHER_REVERSES_UNKNOWN' | 'VOUCHER_ORGANIZATION_NOT_VILLAGE';
}

const fail = (code: LedgerError['code'], message: string): Either<LedgerError, never> => left({ code, message });

const decide = (command: LedgerCommand, state: LedgerYearState): Either<LedgerError, readonly LedgerEvent[]> => {
  const { voucher } = command;
  if (command.organizationKind !== 'village') {
    const found = command.organizationKind === undefined ? 'not registered' : `a ${command.organizationKind}`;
    return fail('VOUCHER_ORGANIZATION_NOT_VILLAGE', `organizationId: ${voucher.organizationId} is ${found}; vouchers belong to a village`);
  }
  if (state.voucherNos.has(voucher.voucherNo)) {
    return fail('VOUCHER_NUMBER_TAKEN', `voucherNo: ${voucher.voucherNo} is already posted in ${voucher.date.slice(0, 4)}`);
  }
  if (voucher.reverses !== undefined && !state.voucherNos.has(voucher.reverses)) {
    return fail('VOUCHER_REVERSES_UNKNOWN', `reverses: no voucher ${voucher.reverses} in ${voucher.date.slice(0, 4)}`);
  }
  return right([{ type: 'VoucherPosted', data: voucher }]);
};

/**
 * States are only ever folded forward from `initialState()`, so the set is
 * extended in place: copying it per voucher would make a year's fold quadratic.
 */
const evolve = (state: LedgerYearState, event: LedgerEvent): LedgerYearState => {
  (state.voucherNos as Set<string>).add(event.data.voucherNo);
  return { voucherNos: state.voucherNos };
};

/** Posting rules for manual vouchers; the chart of accounts and the year-end close extend it (issue #3). */
export const ledgerDecider: Decider<LedgerCommand, LedgerEvent, LedgerYearState, LedgerError> = {
  decide,
  evolve,
  initialState: () => ({ voucherNos: new Set() }),
};
