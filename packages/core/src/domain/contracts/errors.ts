import type { DomainError } from '../../kernel/decider.js';

/** Why the contract register refused a command. Messages start with the field they are about. */
export interface ContractError extends DomainError {
  readonly code:
    | 'CONTRACT_ORGANIZATION_NOT_VILLAGE'
    | 'CONTRACT_YEAR_CLOSED'
    | 'CONTRACT_EXISTS'
    | 'CONTRACT_UNKNOWN'
    | 'CONTRACT_TERMINATED'
    | 'CONTRACT_EXPIRED'
    | 'CONTRACT_NOT_ENDED'
    | 'CONTRACT_TERM_INVALID'
    | 'CONTRACT_DATE_INVALID'
    | 'CONTRACT_ACCOUNT_INVALID'
    | 'CONTRACT_AMENDMENT_EMPTY'
    | 'CONTRACT_EVENT_INCONSISTENT'
    | 'SUBJECT_UNKNOWN'
    | 'SUBJECT_DISPOSED'
    | 'INSTALMENT_INVALID'
    | 'SCHEDULE_EMPTY'
    | 'SCHEDULE_NOT_IN_ORDER'
    | 'SCHEDULE_OUTSIDE_TERM'
    | 'SCHEDULE_BOOKED'
    | 'CONTRACT_ALREADY_FLAGGED'
    | 'CONTRACT_NOT_FLAGGED'
    | 'FLAG_REASON_INVALID'
    | 'NOTHING_TO_RECOGNISE'
    | 'PAYMENT_OVER_OUTSTANDING';
}

export const contractError = (code: ContractError['code'], message: string): ContractError => ({ code, message });
