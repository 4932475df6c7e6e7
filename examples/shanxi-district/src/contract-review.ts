import type { contracts } from '@collective-ledger/core';
import { CONTRACTS_FLAGGED, CONTRACTS_RECTIFIED, FLAGGED_TERMINATED } from './campaign.js';
import type { PlannedContract } from './contract-plan.js';
import { addDays, dayBetween } from './dates.js';
import { intBetween, type Random } from './drafts.js';
import { shuffled } from './targets.js';

type Reason = contracts.FlagContractInput['reasons'][number];
type Method = contracts.RectifyContractInput['method'];

/** An instalment of 2022 that fell overdue in the campaign's period: what was paid on its due date. */
export interface Arrear {
  readonly dueOn: string;
  readonly fen: bigint;
  readonly paidOnDue: bigint;
}

/** A new schedule from 2023 on (and perhaps a new end), agreed in a rectification. */
export interface Amendment {
  readonly endsOn: string | undefined;
  readonly instalments: readonly { readonly dueOn: string; readonly fen: bigint }[];
}

export type Outcome =
  | { readonly kind: 'rectified'; readonly on: string; readonly method: Method; readonly note: string; readonly approved: boolean; readonly amendment: Amendment | undefined }
  | { readonly kind: 'terminated'; readonly on: string; readonly note: string }
  | { readonly kind: 'pending' };

/** The 2022 review (清理核查) of one contract it flags: when, why, and how the flag was answered. */
export interface Review {
  readonly flaggedOn: string;
  readonly reasons: readonly Reason[];
  readonly outcome: Outcome;
}

interface Group {
  readonly reasons: readonly Reason[];
  readonly rectified: number;
  readonly terminated: number;
  readonly method: (k: number) => Method;
  readonly note: string;
}

const EFFECTIVE_FROM = '2023-01-01';

/** The instalments from 2023 on at `percent` of their amount, to `endsOn` if given. */
const repriced = (c: PlannedContract, percent: bigint, endsOn?: string): Amendment => ({
  endsOn,
  instalments: c.schedule.filter((i) => i.dueOn >= EFFECTIVE_FROM && (endsOn === undefined || i.dueOn <= endsOn)).map((i) => ({ dueOn: i.dueOn, fen: (i.fen * percent) / 100n })),
});

const outcomeOf = (c: PlannedContract, { group, k, flaggedOn }: { group: Group; k: number; flaggedOn: string }, random: Random): Outcome => {
  const on = dayBetween(random, addDays(flaggedOn, 7), flaggedOn < '2022-05-14' ? addDays(flaggedOn, 45) : '2022-06-28');
  if (k < group.terminated) return { kind: 'terminated', on, note: '承包方长期拖欠承包费，经催告仍未缴纳，依约解除合同' };
  if (k >= group.terminated + group.rectified) return { kind: 'pending' };
  const method = group.method(k);
  const reason = group.reasons[0]?.reason;
  const amendment =
    reason === 'term-over-limit'
      ? repriced(c, 100n, `${Number(c.startsOn.slice(0, 4)) + 49}-12-31`)
      : reason === 'price-below-market'
        ? repriced(c, BigInt(method === 're-tendered' ? intBetween(random, 130, 160) : intBetween(random, 120, 150)))
        : undefined;
  return { kind: 'rectified', on, method, note: group.note, approved: reason !== 'fees-unpaid', amendment };
};

/**
 * The review of 2022: CONTRACTS_FLAGGED contracts flagged in April and May,
 * by group of reasons, and answered in the weeks after: CONTRACTS_RECTIFIED
 * rectified (supplemented, renegotiated with a new price or term, or
 * re-tendered), FLAGGED_TERMINATED terminated for fees long unpaid, the rest
 * still being rectified. The fees-unpaid flags fall on contracts in arrears
 * with nothing paid (`unpaid`); the term-over-limit ones on the 荒山 contracts
 * of more than 50 years; the others on old contracts drawn at random.
 */
export const reviewOf = (planned: readonly PlannedContract[], unpaid: readonly PlannedContract[], random: Random): Map<string, Review> => {
  const long = planned.filter((c) => c.kind === 'long');
  const groups: readonly (Group & { readonly pool: 'unpaid' | 'long' | 'old' | 'described'; readonly count: number })[] = [
    { pool: 'unpaid', count: 20, reasons: [{ reason: 'fees-unpaid' }], terminated: FLAGGED_TERMINATED, rectified: 14, method: () => 'renegotiated', note: '与承包方签订欠款还款协议，约定下半年清偿欠缴承包费' },
    { pool: 'long', count: long.length, reasons: [{ reason: 'term-over-limit' }], terminated: 0, rectified: long.length - 1, method: () => 'renegotiated', note: '协商将承包期限缩短至五十年以内，经成员代表会议通过' },
    { pool: 'old', count: 24, reasons: [{ reason: 'price-below-market' }], terminated: 0, rectified: 22, method: (k) => (k % 2 === 0 ? 'renegotiated' : 're-tendered'), note: '按评估价重新确定租金，自2023年起执行' },
    { pool: 'old', count: 50, reasons: [{ reason: 'no-democratic-procedure' }], terminated: 0, rectified: 47, method: () => 'supplemented', note: '补充履行成员代表会议表决和公示程序' },
    { pool: 'described', count: 24, reasons: [{ reason: 'no-written-contract' }, { reason: 'no-democratic-procedure' }], terminated: 0, rectified: 23, method: () => 'supplemented', note: '补签书面合同并履行民主程序' },
    { pool: 'old', count: 8, reasons: [{ reason: 'other', note: '承包方未经同意擅自转包' }], terminated: 0, rectified: 8, method: () => 'supplemented', note: '与实际经营者补签合同，明确转包各方权利义务' },
  ];
  if (groups.reduce((n, g) => n + g.count, 0) !== CONTRACTS_FLAGGED || groups.reduce((n, g) => n + g.rectified, 0) !== CONTRACTS_RECTIFIED) {
    throw new Error('the review groups do not add up to the flagged and rectified contracts');
  }
  const taken = new Set([...unpaid, ...long].map((c) => c.contractId));
  const free = shuffled(
    planned.filter((c) => c.kind === 'old' && c.grain === undefined && !taken.has(c.contractId) && c.endsOn >= '2023-12-31'),
    random,
  );
  const draw = (pool: 'unpaid' | 'long' | 'old' | 'described', count: number): PlannedContract[] => {
    if (pool === 'unpaid') return unpaid.slice(0, count);
    if (pool === 'long') return long;
    const picked: PlannedContract[] = [];
    for (let i = 0; i < free.length && picked.length < count; ) {
      const c = free[i];
      if (c !== undefined && (pool === 'old' || !c.letting.whole)) {
        picked.push(c);
        free.splice(i, 1);
      } else i += 1;
    }
    if (picked.length < count) throw new Error(`only ${picked.length} contracts left to flag for ${pool}`);
    return picked;
  };
  const reviews = new Map<string, Review>();
  for (const group of groups) {
    draw(group.pool, group.count).forEach((c, k) => {
      const flaggedOn = group.pool === 'unpaid' ? dayBetween(random, '2022-04-06', '2022-04-30') : dayBetween(random, '2022-04-06', '2022-05-20');
      reviews.set(c.contractId, { flaggedOn, reasons: group.reasons, outcome: outcomeOf(c, { group, k, flaggedOn }, random) });
    });
  }
  return reviews;
};
