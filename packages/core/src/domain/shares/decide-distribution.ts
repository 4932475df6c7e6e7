import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { Dec } from '../../money/decimal.js';
import { Money } from '../../money/money.js';
import { credit, debit, type Posting } from '../ledger/generated-voucher.js';
import type { DistributeIncome } from './commands.js';
import { distributableOf, type DistributableIncome } from './distributable.js';
import type { DeclaredDividend, DistributionStep, DividendsDeclaredData, IncomeDistributedData } from './distribution-events.js';
import { allocateDividends, weightedTotal, type HolderDividend } from './dividends.js';
import type { ShareError } from './errors.js';
import { dividendsDeclared, incomeDistributed, type DistributionEvent } from './events.js';
import { planDistribution, type PlannedDistribution } from './plan.js';
import { classList, holderHousehold, refuse } from './register-checks.js';
import { charterOn, classSharesOf, holdingsOn } from './share-register.js';
import type { ShareCharterAdoptedData } from './charter-events.js';

/** What a distribution decides: its events and the voucher lines they imply. */
export interface DistributionDecision {
  readonly events: readonly DistributionEvent[];
  readonly summary: string;
  readonly postings: readonly Posting[];
}

const weightsOf = (command: DistributeIncome, charter: ShareCharterAdoptedData, i: number): Either<ShareError, Map<string, Dec>> => {
  const weights = new Map<string, Dec>();
  for (const [j, w] of (command.input.steps[i]?.weights ?? []).entries()) {
    const field = `steps[${i}].weights[${j}]`;
    if (!charter.classes.some((c) => c.classId === w.classId)) {
      return refuse('DIVIDENDS_WEIGHTS_INVALID', `${field}.classId: ${w.classId} is not a class of the charter (${classList(charter)})`);
    }
    if (weights.has(w.classId)) return refuse('DIVIDENDS_WEIGHTS_INVALID', `${field}.classId: ${w.classId} is weighted twice`);
    if (w.weight.isNegative()) return refuse('DIVIDENDS_WEIGHTS_INVALID', `${field}.weight: expected a weight of 0 or more, got ${w.weight.toFixed()}`);
    weights.set(w.classId, w.weight);
  }
  return right(weights);
};

/** The record date lies between the quantification and the approval. */
const recordDateProblem = (command: DistributeIncome, i: number, recordDate: string): Either<ShareError, true> => {
  const base = command.shares.quantification?.baseDate;
  if (base === undefined) return refuse('SHARES_NOT_QUANTIFIED', `steps[${i}]: the village's shares have not been quantified; there is nobody to pay dividends to`);
  if (recordDate < base || recordDate > command.input.approvedOn) {
    return refuse('DIVIDENDS_RECORD_DATE_INVALID', `steps[${i}].recordDate: ${recordDate} must be from the quantification on ${base} to the approval on ${command.input.approvedOn}`);
  }
  return right(true);
};

/** Each holder's dividend with the household they were in on the record date (or, for a former member, the last one). */
const declaredDividends = (command: DistributeIncome, i: number, recordDate: string, holders: readonly HolderDividend[]): Either<ShareError, DeclaredDividend[]> => {
  const dividends: DeclaredDividend[] = [];
  for (const h of holders) {
    const member = command.members?.members.get(h.memberId);
    const householdId = member === undefined ? undefined : holderHousehold(member, recordDate);
    if (householdId === undefined) return refuse('SHARES_MEMBER_INVALID', `steps[${i}]: ${h.memberId} holds shares but is not on the member register`);
    dividends.push({ memberId: h.memberId, householdId, shares: classSharesOf(h.shares), amount: h.amount } as DeclaredDividend);
  }
  return right(dividends);
};

/** The declaration: the pool divided over the shares on the record date, weighted by class. */
const declarationOf = (command: DistributeIncome, charter: ShareCharterAdoptedData, planned: NonNullable<PlannedDistribution['dividends']>): Either<ShareError, DividendsDeclaredData> => {
  const i = command.input.steps.indexOf(planned.step);
  const recordDate = planned.step.recordDate ?? '';
  const dated = recordDateProblem(command, i, recordDate);
  if (isLeft(dated)) return dated;
  const weights = weightsOf(command, charter, i);
  if (isLeft(weights)) return weights;
  const holdings = holdingsOn(command.shares, recordDate);
  if (planned.pool.isPositive() && weightedTotal(holdings, weights.right).isZero()) {
    return refuse('DIVIDENDS_WEIGHTS_INVALID', `steps[${i}].weights: no share held on ${recordDate} carries any weight; the pool cannot be divided`);
  }
  const { holders, retained, weightedShares } = allocateDividends(planned.pool, holdings, weights.right);
  const dividends = declaredDividends(command, i, recordDate, holders);
  if (isLeft(dividends)) return dividends;
  const weightList = [...weights.right].map(([classId, weight]) => ({ classId, weight }));
  const { organizationId, year, approvedOn } = command.input;
  const payableAccount = command.input.steps[i]?.creditAccount ?? '211';
  return right({
    organizationId,
    year,
    declaredOn: approvedOn,
    recordDate,
    pool: planned.pool,
    weights: weightList,
    weightedShares,
    retained,
    payableAccount,
    dividends: dividends.right,
  } as DividendsDeclaredData);
};

const postingsOf = (steps: readonly DistributionStep[]): Posting[] => steps.flatMap((s) => [debit(s.account, s.amount.toFen()), credit(s.creditAccount, s.amount.toFen())]);

interface Decided {
  readonly d: DistributableIncome;
  readonly planned: PlannedDistribution;
  readonly steps: readonly DistributionStep[];
  readonly reservePercent: ShareCharterAdoptedData['reservePercent'];
}

const distributionData = (command: DistributeIncome, { d, planned, steps, reservePercent }: Decided) => {
  const { organizationId, year, approvedOn, resolution } = command.input;
  const posted = steps.reduce((sum, s) => sum + s.amount.toFen(), 0n);
  return {
    organizationId,
    year,
    approvedOn,
    resolution,
    netIncome: Money.fromFen(d.netIncome),
    openingUndistributed: Money.fromFen(d.openingUndistributed),
    previousDistributions: Money.fromFen(d.previousDistributions),
    transfersIn: Money.fromFen(d.transfersIn),
    distributable: Money.fromFen(d.distributable),
    lossesCovered: Money.fromFen(d.lossesCovered),
    reserveBasis: planned.reserveBasis,
    reservePercent,
    steps,
    undistributed: Money.fromFen(d.distributable - posted),
  } as IncomeDistributedData;
};

/**
 * 收益分配: the plan for a closed year. Distributable income is read from the
 * year's close; the steps are checked and computed in the legal order; the
 * dividend pool is divided over the shares held on the record date. The
 * members' dividends are payable; the collective share's part is not posted
 * and stays undistributed, so the dividends step books the members' part.
 */
export const decideDistribution = (command: DistributeIncome, distributed: ReadonlySet<number>): Either<ShareError, DistributionDecision> => {
  const { organizationId, year, approvedOn } = command.input;
  if (Number(approvedOn.slice(0, 4)) !== year + 1) {
    return refuse('DISTRIBUTION_DATE_INVALID', `approvedOn: ${approvedOn} is not in ${year + 1}; the plan for ${year} is approved in the year after it is closed`);
  }
  const closed = command.books.closed;
  if (closed === undefined) return refuse('DISTRIBUTION_YEAR_OPEN', `year: ${year} is not closed for ${organizationId}; close the year before distributing its income`);
  if (distributed.has(year)) {
    return refuse('DISTRIBUTION_ALREADY_APPROVED', `year: the income of ${year} has already been distributed; what is left undistributed is carried into the next year's plan`);
  }
  const charter = charterOn(command.shares, approvedOn);
  if (charter === undefined) return refuse('SHARES_NO_CHARTER', `approvedOn: ${organizationId} has no share charter in force on ${approvedOn}; adopt one first`);
  const d = distributableOf(closed, command.books.movements, command.chart);
  const planned = planDistribution(command.input.steps, charter, d, command.chart);
  if (isLeft(planned)) return planned;
  const declaration = planned.right.dividends === undefined ? undefined : declarationOf(command, charter, planned.right.dividends);
  if (declaration !== undefined && isLeft(declaration)) return declaration;
  const retained = declaration?.right.retained ?? Money.zero;
  const steps = planned.right.steps.map((s) => (s.kind === 'dividends' ? { ...s, amount: s.amount.minus(retained) } : s));
  const events: DistributionEvent[] = [{ type: incomeDistributed.type, data: distributionData(command, { d, planned: planned.right, steps, reservePercent: charter.reservePercent }) }];
  if (declaration !== undefined) events.push({ type: dividendsDeclared.type, data: declaration.right });
  return right({ events, summary: `${year}年度收益分配 ${command.input.resolution}`, postings: postingsOf(steps) });
};
