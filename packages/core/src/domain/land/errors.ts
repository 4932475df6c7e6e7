import type { DomainError } from '../../kernel/decider.js';

/** Why the land register refused a command. Messages start with the field they are about. */
export interface LandError extends DomainError {
  readonly code:
    | 'LAND_ORGANIZATION_NOT_VILLAGE'
    | 'LAND_DATE_OUT_OF_ORDER'
    | 'LAND_DATE_INVALID'
    | 'LAND_HOUSEHOLD_UNKNOWN'
    | 'LAND_MEMBER_UNKNOWN'
    | 'LAND_PARCEL_EXISTS'
    | 'LAND_PARCEL_UNKNOWN'
    | 'LAND_PARCEL_TRANSFERRED'
    | 'LAND_AREA_INVALID'
    | 'LAND_AREA_EXCEEDED'
    | 'LAND_PARCELS_MISMATCHED'
    | 'LAND_TRANSFER_EXISTS'
    | 'LAND_TRANSFER_UNKNOWN'
    | 'LAND_TRANSFER_ENDED'
    | 'LAND_TERM_INVALID'
    | 'LAND_CONSENT_MISSING'
    | 'LAND_CONSENT_INVALID'
    | 'LAND_SCHEDULE_INVALID'
    | 'LAND_TERMS_INVALID'
    | 'LAND_REVIEW_INVALID'
    | 'LAND_DIVIDEND_INVALID'
    | 'LAND_PAYMENT_EXISTS'
    | 'LAND_PAYMENT_INVALID'
    | 'LAND_OVERPAID'
    | 'LAND_ACCOUNT_INVALID'
    | 'LAND_YEAR_CLOSED';
}

export const landError = (code: LandError['code'], message: string): LandError => ({ code, message });
