import type { DomainError } from '../../kernel/decider.js';

/** Why the ledger refused a voucher or a close. Messages name the field and say what is allowed. */
export interface LedgerError extends DomainError {
  readonly code:
    | 'VOUCHER_ORGANIZATION_NOT_VILLAGE'
    | 'VOUCHER_NUMBER_TAKEN'
    | 'VOUCHER_REVERSES_UNKNOWN'
    | 'VOUCHER_ALREADY_REVERSED'
    | 'VOUCHER_REVERSES_REVERSAL'
    | 'VOUCHER_REVERSAL_MISMATCH'
    | 'VOUCHER_REVERSES_GENERATED'
    | 'VOUCHER_ORIGIN_RESERVED'
    | 'VOUCHER_YEAR_CLOSED'
    | 'VOUCHER_ACCOUNT_UNKNOWN'
    | 'VOUCHER_ACCOUNT_NOT_LEAF'
    | 'VOUCHER_CASH_OVERDRAWN'
    | 'VOUCHER_BANK_OVERDRAWN'
    | 'VOUCHER_ADJUSTS_OPEN_YEAR'
    | 'YEAR_ORGANIZATION_NOT_VILLAGE'
    | 'YEAR_ALREADY_CLOSED'
    | 'YEAR_PREVIOUS_OPEN'
    | 'YEAR_PENDING_DISPOSAL'
    | 'YEAR_CLOSE_ACCOUNT_MISSING'
    | 'YEAR_CLOSE_CONFLICT';
}

export const ledgerError = (code: LedgerError['code'], message: string): LedgerError => ({ code, message });
