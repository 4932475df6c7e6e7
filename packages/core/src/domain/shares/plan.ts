import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { Money } from '../../money/money.js';
import { Rate } from '../../money/rate.js';
import { rootCodeOf, type Chart } from '../ledger/chart/index.js';
import { undistributedAccountOf } from '../ledger/closing.js';
import type { ShareCharterAdoptedData } from './charter-events.js';
import type { PlanStep } from './commands.js';
import type { DistributableIncome } from './distributable.js';
import { reserveBasisOf } from './distributable.js';
import type { DistributionStep, DistributionStepKind } from './distribution-events.js';
import type { ShareError } from './errors.js';
import { refuse } from './register-checks.js';

const NO_RATE = Rate.of(0n, 1n);
const ORDER: readonly DistributionStepKind[] = ['reserve', 'welfare', 'investors', 'dividends'];
const ORDER_TEXT = 'reserve (提取公积公益金), welfare, investors, dividends';
const DEFAULT_CREDIT: Readonly<Record<DistributionStepKind, string>> = { reserve: '311', welfare: '211', investors: '211', dividends: '211' };
const CREDIT_ROOTS: Readonly<Record<DistributionStepKind, readonly string[]>> = {
  reserve: ['311'],
  welfare: ['211', '212', '213'],
  investors: ['211'],
  dividends: ['211'],
};

/** The steps come in the legal order, each once, and the reserve first whenever the charter sets one. */
const orderProblem = (steps: readonly PlanStep[], charter: ShareCharterAdoptedData): Either<ShareError, true> => {
  let last = -1;
  for (const [i, step] of steps.entries()) {
    const at = ORDER.indexOf(step.kind);
    if (at <= last) {
      return refuse('DISTRIBUTION_ORDER', `steps[${i}].kind: ${step.kind} cannot come after ${ORDER[last] ?? ''}; the order is ${ORDER_TEXT}, each once`);
    }
    last = at;
  }
  const first = steps[0];
  if (first !== undefined && first.kind !== 'reserve' && charter.reservePercent.compare(NO_RATE) > 0) {
    return refuse(
      'DISTRIBUTION_ORDER',
      `steps[0].kind: the charter sets aside ${charter.reservePercent.toPercent()} for 公积公益金 before anything is distributed; begin the plan with a reserve step`,
    );
  }
  return right(true);
};

const shapeProblem = (step: PlanStep, i: number): Either<ShareError, true> => {
  const field = `steps[${i}]`;
  const given = [step.amount, step.percent].filter((x) => x !== undefined).length;
  if (step.kind === 'reserve' && given > 0) return refuse('DISTRIBUTION_STEP_INVALID', `${field}: the reserve is the charter's percentage; give no amount or percent`);
  if (step.kind !== 'reserve' && given !== 1) return refuse('DISTRIBUTION_STEP_INVALID', `${field}: give either amount or percent for ${step.kind}`);
  if (step.kind !== 'dividends' && (step.recordDate !== undefined || step.weights !== undefined)) {
    return refuse('DISTRIBUTION_STEP_INVALID', `${field}: recordDate and weights belong to the dividends step`);
  }
  if (step.kind === 'dividends' && step.recordDate === undefined) {
    return refuse('DISTRIBUTION_STEP_INVALID', `${field}.recordDate: dividends are divided over the shares held on a record date; give one`);
  }
  return right(true);
};

const accountProblem = (step: PlanStep, i: number, chart: Chart): Either<ShareError, string> => {
  const undistributed = undistributedAccountOf(chart);
  if (rootCodeOf(step.account) !== '322' || !chart.has(step.account) || !chart.isLeaf(step.account) || step.account === undistributed) {
    return refuse(
      'DISTRIBUTION_ACCOUNT_INVALID',
      `steps[${i}].account: ${step.account} is not a sub-account of 322 (各项分配) that takes postings; declare one such as 32201 提取公积公益金 (未分配收益 ${undistributed ?? '322'} is not one)`,
    );
  }
  const creditAccount = step.creditAccount ?? DEFAULT_CREDIT[step.kind];
  if (!CREDIT_ROOTS[step.kind].includes(rootCodeOf(creditAccount)) || !chart.has(creditAccount) || !chart.isLeaf(creditAccount)) {
    const roots = CREDIT_ROOTS[step.kind].join(', ');
    return refuse('DISTRIBUTION_ACCOUNT_INVALID', `steps[${i}].creditAccount: ${creditAccount} is not an account under ${roots} that takes postings`);
  }
  return right(creditAccount);
};

export interface PlannedDistribution {
  readonly reserveBasis: Money;
  readonly steps: readonly DistributionStep[];
  /** The dividends step as the plan gave it (its record date and weights), with its index. */
  readonly dividends: { readonly step: PlanStep; readonly pool: Money } | undefined;
}

const amountOf = (step: PlanStep, reserve: Money, afterReserve: Money): Money => {
  if (step.kind === 'reserve') return reserve;
  if (step.amount !== undefined) return step.amount;
  return step.percent === undefined || afterReserve.isNegative() ? Money.zero : step.percent.applyTo(afterReserve);
};

/**
 * The amounts of a plan, in the legal order: the reserve at the charter's
 * percentage of its basis (half-up to the fen); welfare, investors' profit
 * and the dividend pool as amounts, or as percentages of the income left
 * after the reserve. Refused when the order is broken, a step is malformed,
 * an account is wrong, or the plan distributes more than is distributable.
 */
export const planDistribution = (steps: readonly PlanStep[], charter: ShareCharterAdoptedData, d: DistributableIncome, chart: Chart): Either<ShareError, PlannedDistribution> => {
  const ordered = orderProblem(steps, charter);
  if (isLeft(ordered)) return ordered;
  const reserveBasis = Money.fromFen(reserveBasisOf(d, charter.reserveBasis ?? 'income-after-losses'));
  const reserve = charter.reservePercent.applyTo(reserveBasis);
  const afterReserve = Money.fromFen(d.distributable).minus(reserve);
  const decided: DistributionStep[] = [];
  let dividends: PlannedDistribution['dividends'];
  for (const [i, step] of steps.entries()) {
    const shape = shapeProblem(step, i);
    if (isLeft(shape)) return shape;
    const creditAccount = accountProblem(step, i, chart);
    if (isLeft(creditAccount)) return creditAccount;
    const amount = amountOf(step, reserve, afterReserve);
    decided.push({ kind: step.kind, account: step.account, creditAccount: creditAccount.right, amount, ...(step.percent === undefined ? {} : { percent: step.percent }) } as DistributionStep);
    if (step.kind === 'dividends') dividends = { step, pool: amount };
  }
  const total = Money.sum(decided.map((s) => s.amount));
  if (total.isPositive() && total.gt(Money.fromFen(d.distributable))) {
    const shown = decided.map((s) => `${s.kind} ${s.amount.toString()}`).join(' + ');
    return refuse('DISTRIBUTION_EXCEEDS_DISTRIBUTABLE', `steps: ${shown} = ${total.toString()} is more than the distributable income, ${Money.fromFen(d.distributable).toString()}`);
  }
  return right({ reserveBasis, steps: decided, dividends });
};
