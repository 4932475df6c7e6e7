import { IrregularityReason, RectificationMethod, type ContractView, type Review } from '../domain/contracts/index.js';
import { Rate } from '../money/rate.js';
import type { VillageContract } from './contract-projection.js';
import { isLiveOn } from '../domain/contracts/index.js';

/** The reasons a review gives and the methods of rectification, in the order reports list them. */
export const IRREGULARITY_REASONS = Object.keys(IrregularityReason.keys) as IrregularityReason[];
export const RECTIFICATION_METHODS = Object.keys(RectificationMethod.keys) as RectificationMethod[];

/** A period: everything up to `to`; with `from`, also what happened from `from` to `to`. */
export interface ContractPeriod {
  readonly from: string | undefined;
  readonly to: string;
}

/** Where a flagged contract stands: its last flag not yet answered, or answered by rectification, termination or withdrawal. */
export type ReviewStanding = 'pending' | 'rectified' | 'terminated' | 'withdrawn';

/** A flagged contract as of `to`: every reason any of its flags gave, and where its last flag stands. */
export interface FlaggedContract {
  readonly villageId: string;
  readonly view: ContractView;
  readonly firstFlaggedOn: string;
  readonly lastFlaggedOn: string;
  readonly reasons: readonly IrregularityReason[];
  readonly standing: ReviewStanding;
  readonly method: RectificationMethod | undefined;
  /** The day the last flag was answered (none while pending). */
  readonly answeredOn: string | undefined;
}

/** The contract's flags as of `to` (raised on or before it, answered only by what is dated by then); `undefined` if none. */
export const flaggedOn = ({ villageId, view }: VillageContract, to: string): FlaggedContract | undefined => {
  const reviews = view.reviews.filter((r) => r.flaggedOn <= to);
  const first = reviews[0];
  const last = reviews[reviews.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const given = new Set(reviews.flatMap((r) => r.reasons.map((x) => x.reason)));
  const outcome = last.outcome !== undefined && last.outcome.on <= to ? last.outcome : undefined;
  return {
    villageId,
    view,
    firstFlaggedOn: first.flaggedOn,
    lastFlaggedOn: last.flaggedOn,
    reasons: IRREGULARITY_REASONS.filter((r) => given.has(r)),
    standing: outcome?.kind ?? 'pending',
    method: outcome?.kind === 'rectified' ? outcome.method : undefined,
    answeredOn: outcome?.on,
  };
};

/** Counts of contracts rectified, in all and by method. */
export interface RectifiedCounts {
  readonly total: number;
  readonly byMethod: readonly { readonly method: RectificationMethod; readonly contracts: number }[];
}

/** What happened in the period, in contracts: flagged in it, and answered in it (each by the last answer it had in the period). */
export interface CleanupInPeriod {
  readonly registered: number;
  readonly flagged: number;
  readonly rectified: RectifiedCounts;
  readonly terminated: number;
  readonly withdrawn: number;
}

/**
 * 合同清理 of a group of villages, in contracts, as of `to`. Each flagged
 * contract is counted once: in `byReason` under every reason its flags gave,
 * and under the standing of its last flag (flagged = rectified + terminated
 * + withdrawn + pending). needing rectification = flagged − withdrawn;
 * rate = rectified / needing rectification (a contract terminated after its
 * flag is resolved, not rectified, and counts in `terminated`).
 */
export interface CleanupFigures {
  readonly registered: number;
  readonly live: number;
  readonly flagged: number;
  readonly byReason: readonly { readonly reason: IrregularityReason; readonly contracts: number }[];
  readonly rectified: RectifiedCounts;
  readonly terminated: number;
  readonly withdrawn: number;
  readonly pending: number;
  readonly needingRectification: number;
  readonly rate: Rate | undefined;
  readonly inPeriod: CleanupInPeriod | undefined;
}

const rectifiedCounts = (methods: readonly (RectificationMethod | undefined)[]): RectifiedCounts => ({
  total: methods.filter((m) => m !== undefined).length,
  byMethod: RECTIFICATION_METHODS.map((method) => ({ method, contracts: methods.filter((m) => m === method).length })),
});

const within = (date: string, from: string, to: string): boolean => from <= date && date <= to;

/** The last answer a contract's flags had from `from` to `to`. */
const lastAnswerIn = (reviews: readonly Review[], from: string, to: string) =>
  reviews
    .map((r) => r.outcome)
    .filter((o) => o !== undefined && within(o.on, from, to))
    .pop();

const inPeriodOf = (contracts: readonly VillageContract[], from: string, to: string): CleanupInPeriod => {
  const answers = contracts.map(({ view }) => lastAnswerIn(view.reviews, from, to));
  return {
    registered: contracts.filter(({ view }) => within(view.card.registeredOn, from, to)).length,
    flagged: contracts.filter(({ view }) => view.reviews.some((r) => within(r.flaggedOn, from, to))).length,
    rectified: rectifiedCounts(answers.map((a) => (a?.kind === 'rectified' ? a.method : undefined))),
    terminated: answers.filter((a) => a?.kind === 'terminated').length,
    withdrawn: answers.filter((a) => a?.kind === 'withdrawn').length,
  };
};

/** The flagged contracts among these, as of `to`, in the order given. */
export const flaggedAmong = (contracts: readonly VillageContract[], to: string): FlaggedContract[] =>
  contracts.flatMap((c) => {
    const flagged = flaggedOn(c, to);
    return flagged === undefined ? [] : [flagged];
  });

/** The clean-up figures of these contracts over the period: counted from each contract's reviews, never carried. */
export const cleanupFigures = (all: readonly VillageContract[], period: ContractPeriod): CleanupFigures => {
  const { from, to } = period;
  const contracts = all.filter(({ view }) => view.card.registeredOn <= to);
  const flagged = flaggedAmong(contracts, to);
  const count = (standing: ReviewStanding): number => flagged.filter((f) => f.standing === standing).length;
  const rectified = rectifiedCounts(flagged.map((f) => f.method));
  const withdrawn = count('withdrawn');
  const terminated = count('terminated');
  const needingRectification = flagged.length - withdrawn;
  return {
    registered: contracts.length,
    live: contracts.filter(({ view }) => isLiveOn(view.card, to)).length,
    flagged: flagged.length,
    byReason: IRREGULARITY_REASONS.map((reason) => ({ reason, contracts: flagged.filter((f) => f.reasons.includes(reason)).length })),
    rectified,
    terminated,
    withdrawn,
    pending: count('pending'),
    needingRectification,
    rate: Rate.ofOrUndefined(BigInt(rectified.total), BigInt(needingRectification)),
    inPeriod: from === undefined ? undefined : inPeriodOf(contracts, from, to),
  };
};
