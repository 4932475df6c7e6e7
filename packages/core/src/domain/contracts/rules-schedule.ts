import type { Money } from '../../money/money.js';
import { contractError, type ContractError } from './errors.js';
import { grainAmount, type Instalment } from './schedule.js';

/** The first problem of several checks, each run only when the ones before found nothing. */
export const firstProblem = (...checks: readonly (() => ContractError | undefined)[]): ContractError | undefined => {
  for (const check of checks) {
    const problem = check();
    if (problem !== undefined) return problem;
  }
  return undefined;
};

/** The window instalments of a schedule must fall in, both days included, and the words that name its ends. */
export interface Window {
  readonly from: string;
  readonly fromWhat: string;
  readonly to: string;
  readonly toWhat: string;
}

const numbering = (instalments: readonly Instalment[], firstNo: number, field: string): ContractError | undefined => {
  const wrong = instalments.findIndex((i, k) => i.no !== firstNo + k);
  if (wrong < 0) return undefined;
  return contractError('CONTRACT_EVENT_INCONSISTENT', `${field}[${wrong}].no: the instalment is number ${firstNo + wrong} of the contract, not ${instalments[wrong]?.no}`);
};

const grainProblem = (instalments: readonly Instalment[], field: string): ContractError | undefined => {
  for (const [k, i] of instalments.entries()) {
    if (i.grain === undefined) continue;
    const cash = grainAmount(i.grain);
    if (!cash.equals(i.amount)) {
      const what = `${i.grain.kg.toFixed()} kg at ${i.grain.pricePerKg.toFixed()} a kg`;
      return contractError('CONTRACT_EVENT_INCONSISTENT', `${field}[${k}].amount: ${what} come to ${cash.toString()}, not ${i.amount.toString()}`);
    }
  }
  return undefined;
};

const orderProblem = (instalments: readonly { readonly dueOn: string }[], field: string): ContractError | undefined => {
  const wrong = instalments.findIndex((i, k) => k > 0 && i.dueOn < (instalments[k - 1]?.dueOn ?? ''));
  if (wrong < 0) return undefined;
  return contractError('SCHEDULE_NOT_IN_ORDER', `${field}[${wrong}].dueOn: ${instalments[wrong]?.dueOn} is before the instalment above it; list instalments in the order they fall due`);
};

/** Instalments in due order inside `window`. */
export const timingProblem = (instalments: readonly { readonly dueOn: string }[], window: Window, field: string): ContractError | undefined => {
  const ordered = orderProblem(instalments, field);
  if (ordered !== undefined) return ordered;
  const early = instalments.findIndex((i) => i.dueOn < window.from);
  if (early >= 0) return contractError('SCHEDULE_OUTSIDE_TERM', `${field}[${early}].dueOn: ${instalments[early]?.dueOn} is before ${window.fromWhat}, ${window.from}`);
  const late = instalments.findIndex((i) => i.dueOn > window.to);
  if (late >= 0) return contractError('SCHEDULE_OUTSIDE_TERM', `${field}[${late}].dueOn: ${instalments[late]?.dueOn} is after ${window.toWhat}, ${window.to}`);
  return undefined;
};

/** A schedule as an event records it: numbered on from `firstNo`, grain amounts as computed, in due order inside `window`. */
export const scheduleProblem = (instalments: readonly Instalment[], firstNo: number, window: Window, field = 'instalments'): ContractError | undefined =>
  firstProblem(
    () => numbering(instalments, firstNo, field),
    () => grainProblem(instalments, field),
    () => timingProblem(instalments, window, field),
  );

/** The same amount, for a message when an event's figure is not the rules'. */
export const mismatch = (field: string, recorded: Money, computed: Money): ContractError | undefined =>
  recorded.equals(computed) ? undefined : contractError('CONTRACT_EVENT_INCONSISTENT', `${field}: the rules give ${computed.toString()}, not ${recorded.toString()}`);

/** The same list of instalment numbers. */
export const sameNos = (field: string, recorded: readonly number[], computed: readonly number[]): ContractError | undefined =>
  recorded.length === computed.length && recorded.every((n, k) => n === computed[k])
    ? undefined
    : contractError('CONTRACT_EVENT_INCONSISTENT', `${field}: the rules give instalments [${computed.join(', ')}], not [${recorded.join(', ')}]`);
