import type { DomainError } from '../../kernel/decider.js';

/** Why an organization, household or member command was refused. Messages name the field and say what is allowed. */
export interface OrganizationError extends DomainError {
  readonly code:
    | 'ORGANIZATION_ALREADY_REGISTERED'
    | 'ORGANIZATION_PARENT_REQUIRED'
    | 'ORGANIZATION_PARENT_NOT_ALLOWED'
    | 'ORGANIZATION_PARENT_UNKNOWN'
    | 'ORGANIZATION_PARENT_WRONG_KIND'
    | 'NOT_A_VILLAGE'
    | 'HOUSEHOLD_ALREADY_REGISTERED'
    | 'HOUSEHOLD_UNKNOWN'
    | 'MEMBER_ALREADY_JOINED'
    | 'MEMBER_ID_NUMBER_TAKEN'
    | 'MEMBER_UNKNOWN'
    | 'MEMBER_ALREADY_LEFT'
    | 'MEMBER_LEFT_BEFORE_JOINING'
    | 'MEMBER_ALREADY_IN_HOUSEHOLD'
    | 'MEMBER_MOVED_BEFORE_JOINING'
    | 'MEMBER_CHANGE_BEFORE_LAST_MOVE'
    | 'MEMBER_ALREADY_ERASED'
    | 'HOUSEHOLD_ALREADY_ERASED'
    | 'PERSONAL_DATA_NO_KEY_STORE';
}

export const organizationError = (code: OrganizationError['code'], message: string): OrganizationError => ({ code, message });
