import type { DomainError } from '../../kernel/decider.js';

/** Why the share register or a distribution was refused. Messages start with the field they are about. */
export interface ShareError extends DomainError {
  readonly code:
    | 'SHARES_ORGANIZATION_NOT_VILLAGE'
    | 'SHARES_NO_CHARTER'
    | 'SHARES_CHARTER_INVALID'
    | 'SHARES_DATE_OUT_OF_ORDER'
    | 'SHARES_ALREADY_QUANTIFIED'
    | 'SHARES_NOT_QUANTIFIED'
    | 'SHARES_ALLOTMENT_INVALID'
    | 'SHARES_MEMBER_INVALID'
    | 'SHARES_INSUFFICIENT'
    | 'SHARES_TRANSFER_FORBIDDEN'
    | 'SHARES_INHERITANCE_INVALID'
    | 'SHARES_WITHDRAWAL_INVALID'
    | 'DISTRIBUTION_YEAR_OPEN'
    | 'DISTRIBUTION_DATE_INVALID'
    | 'DISTRIBUTION_ALREADY_APPROVED'
    | 'DISTRIBUTION_ORDER'
    | 'DISTRIBUTION_STEP_INVALID'
    | 'DISTRIBUTION_ACCOUNT_INVALID'
    | 'DISTRIBUTION_EXCEEDS_DISTRIBUTABLE'
    | 'DIVIDENDS_RECORD_DATE_INVALID'
    | 'DIVIDENDS_WEIGHTS_INVALID'
    | 'DIVIDENDS_NOT_DECLARED'
    | 'DIVIDENDS_PAYMENT_INVALID';
}

export const shareError = (code: ShareError['code'], message: string): ShareError => ({ code, message });
