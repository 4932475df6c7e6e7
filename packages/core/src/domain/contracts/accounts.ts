import { rootCodeOf, type Chart } from '../ledger/chart/index.js';
import { contractError, type ContractError } from './errors.js';

/** The standard accounts each account field of the contract register may name (or a sub-account of one). */
export const CONTRACT_ACCOUNT_ROOTS = {
  incomeAccount: ['501', '502'],
  receivableAccount: ['112', '113'],
  prepaymentAccount: ['211'],
  receivedInto: ['101', '102'],
} as const;

export type ContractAccountField = keyof typeof CONTRACT_ACCOUNT_ROOTS;

/** The accounts used when a command names none: 501 经营收入, 112 应收款, 211 应付款, 102 银行存款. */
export const DEFAULT_CONTRACT_ACCOUNTS: Readonly<Record<ContractAccountField, string>> = {
  incomeAccount: '501',
  receivableAccount: '112',
  prepaymentAccount: '211',
  receivedInto: '102',
};

const list = (roots: readonly string[]): string => (roots.length === 1 ? (roots[0] ?? '') : `${roots.slice(0, -1).join(', ')} or ${roots[roots.length - 1] ?? ''}`);

/** An account under the standard accounts `field` takes: what an event can be checked for without the chart. */
export const accountRootProblem = (field: ContractAccountField, code: string): ContractError | undefined => {
  const roots: readonly string[] = CONTRACT_ACCOUNT_ROOTS[field];
  return roots.includes(rootCodeOf(code)) ? undefined : contractError('CONTRACT_ACCOUNT_INVALID', `${field}: ${code} is not an account under ${list(roots)}`);
};

/** An account vouchers can post to: in the village's chart, a leaf, under the standard accounts `field` takes. */
export const accountProblem = (chart: Chart, field: ContractAccountField, code: string): ContractError | undefined => {
  if (!chart.has(code)) return contractError('CONTRACT_ACCOUNT_INVALID', `${field}: ${code} is not in the village's chart of accounts`);
  if (!chart.isLeaf(code)) {
    const leaves = chart.childrenOf(code).map((a) => a.code).join(', ');
    return contractError('CONTRACT_ACCOUNT_INVALID', `${field}: ${code} has sub-accounts (${leaves}); name one of them`);
  }
  return accountRootProblem(field, code);
};

/** The first problem among several account fields. */
export const accountsProblem = (chart: Chart, fields: readonly (readonly [ContractAccountField, string])[]): ContractError | undefined => {
  for (const [field, code] of fields) {
    const problem = accountProblem(chart, field, code);
    if (problem !== undefined) return problem;
  }
  return undefined;
};
