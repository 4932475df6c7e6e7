import type { DomainError } from '../../kernel/decider.js';

/** Why the asset register refused a command. Messages start with the field they are about. */
export interface AssetError extends DomainError {
  readonly code:
    | 'ASSET_ORGANIZATION_NOT_VILLAGE'
    | 'ASSET_YEAR_CLOSED'
    | 'ASSET_ID_TAKEN'
    | 'ASSET_UNKNOWN'
    | 'ASSET_DISPOSED'
    | 'ASSET_DATE_BEFORE_ACQUISITION'
    | 'ASSET_ACCOUNT_INVALID'
    | 'ASSET_UNITS_INVALID'
    | 'ASSET_OPENING_INVALID'
    | 'DEPRECIATION_BEFORE_START'
    | 'DEPRECIATION_GAP'
    | 'DEPRECIATION_USAGE_MISSING'
    | 'DEPRECIATION_USAGE_INVALID'
    | 'REVALUATION_INVALID'
    | 'RECLASSIFICATION_SAME_CATEGORY'
    | 'DISPOSAL_PROCEEDS_INVALID'
    | 'INVESTMENT_RECOVERED';
}

export const assetError = (code: AssetError['code'], message: string): AssetError => ({ code, message });
