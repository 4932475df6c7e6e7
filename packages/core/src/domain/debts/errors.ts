import type { DomainError } from '../../kernel/decider.js';

/** Why the debt register refused a command. Messages start with the field they are about. */
export interface DebtError extends DomainError {
  readonly code:
    | 'DEBT_ORGANIZATION_NOT_VILLAGE'
    | 'DEBT_YEAR_CLOSED'
    | 'DEBT_EXISTS'
    | 'DEBT_UNKNOWN'
    | 'DEBT_RESOLVED'
    | 'DEBT_OVERPAID'
    | 'DEBT_ACCOUNT_INVALID'
    | 'DEBT_DATE_INVALID'
    | 'DEBT_ORIGIN_NOTE_MISSING'
    | 'DEBT_RECOGNITION_INVALID'
    | 'DEBT_REDUCTION_INVALID'
    | 'DEBT_APPROVAL_INVALID';
}

export const debtError = (code: DebtError['code'], message: string): DebtError => ({ code, message });
