import { rootCodeOf, type Chart } from '../ledger/chart/index.js';
import { debtError, type DebtError } from './errors.js';
import { LIABILITY_ROOTS } from './kinds.js';

/** Which standard accounts each account field of the debt register may name. */
export const DEBT_ACCOUNT_ROOTS = {
  account: LIABILITY_ROOTS,
  toAccount: LIABILITY_ROOTS,
  paidFrom: ['101', '102'],
  receivableAccount: ['112', '113'],
  incomeAccount: ['504'],
} as const;

const list = (roots: readonly string[]): string =>
  roots.length === 1 ? (roots[0] ?? '') : `${roots.slice(0, -1).join(', ')} or ${roots[roots.length - 1] ?? ''}`;

/** What a newly recognised debt may be charged to: an asset (1xx), a cost (401) or an expense (511–521). */
export const isDebitableRoot = (root: string): boolean => root.startsWith('1') || root === '401' || (root >= '511' && root <= '521');

/** Whether `code` lies under one of `roots` (or, for `debitAccount`, an asset, cost or expense account): no chart needed. */
export const rootProblem = (field: string, code: string, roots: readonly string[] | 'debitable'): string | undefined => {
  const root = rootCodeOf(code);
  if (roots === 'debitable') return isDebitableRoot(root) ? undefined : `${field}: ${code} is not an asset, cost or expense account (1xx, 401, 511 to 521)`;
  return roots.includes(root) ? undefined : `${field}: ${code} is not an account under ${list(roots)}`;
};

/** `field` names a leaf of the village's chart under the roots it may name. */
export const accountProblem = (chart: Chart, field: string, code: string, roots: readonly string[] | 'debitable'): DebtError | undefined => {
  if (!chart.has(code)) return debtError('DEBT_ACCOUNT_INVALID', `${field}: ${code} is not in the village's chart of accounts`);
  if (!chart.isLeaf(code)) {
    const leaves = chart.childrenOf(code).map((a) => a.code).join(', ');
    return debtError('DEBT_ACCOUNT_INVALID', `${field}: ${code} has sub-accounts (${leaves}); name one of them`);
  }
  const wrong = rootProblem(field, code, roots);
  return wrong === undefined ? undefined : debtError('DEBT_ACCOUNT_INVALID', wrong);
};

/** The first problem among several account fields. */
export const accountsProblem = (chart: Chart, fields: readonly (readonly [field: string, code: string, roots: readonly string[] | 'debitable'])[]): DebtError | undefined => {
  for (const [field, code, roots] of fields) {
    const problem = accountProblem(chart, field, code, roots);
    if (problem !== undefined) return problem;
  }
  return undefined;
};
