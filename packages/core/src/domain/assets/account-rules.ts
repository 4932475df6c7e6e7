import { rootCodeOf, type Chart } from '../ledger/chart/index.js';
import { assetError, type AssetError } from './errors.js';

/** Which standard accounts each account field of an asset may name (a leaf of the village's chart under one of them). */
export const ACCOUNT_ROOTS = {
  costAccount: ['151'],
  depreciationAccount: ['152'],
  chargeAccount: ['401', '511', '513', '514'],
  incomeAccount: ['501', '504'],
  investmentAccount: ['141'],
  investmentIncomeAccount: ['502'],
  reserveAccount: ['311'],
  clearingAccount: ['154'],
  gainAccount: ['504'],
  lossAccount: ['515'],
} as const;

const list = (roots: readonly string[]): string =>
  roots.length === 1 ? (roots[0] ?? '') : `${roots.slice(0, -1).join(', ')} or ${roots[roots.length - 1] ?? ''}`;

/**
 * `field` names an account vouchers can post to: in the village's chart, a
 * leaf, and, when `roots` are given, under one of them.
 */
export const accountProblem = (chart: Chart, field: string, code: string, roots?: readonly string[]): AssetError | undefined => {
  if (!chart.has(code)) return assetError('ASSET_ACCOUNT_INVALID', `${field}: ${code} is not in the village's chart of accounts`);
  if (!chart.isLeaf(code)) {
    const leaves = chart.childrenOf(code).map((a) => a.code).join(', ');
    return assetError('ASSET_ACCOUNT_INVALID', `${field}: ${code} has sub-accounts (${leaves}); name one of them`);
  }
  if (roots !== undefined && !roots.includes(rootCodeOf(code))) {
    return assetError('ASSET_ACCOUNT_INVALID', `${field}: ${code} is not an account under ${list(roots)}`);
  }
  return undefined;
};

/** The first problem among several account fields: `[field, code, roots?]`. */
export type AccountField = readonly [field: string, code: string, roots?: readonly string[]];

export const accountsProblem = (chart: Chart, fields: readonly AccountField[]): AssetError | undefined => {
  for (const [field, code, roots] of fields) {
    const problem = accountProblem(chart, field, code, roots);
    if (problem !== undefined) return problem;
  }
  return undefined;
};
