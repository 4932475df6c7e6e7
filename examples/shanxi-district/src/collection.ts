import { Money, allocate } from '@collective-ledger/core';
import { ARREARS_COLLECTED_PER_MILLE, CAMPAIGN_FROM, CAMPAIGN_TO } from './campaign.js';
import type { PlannedContract } from './contract-plan.js';
import type { Arrear, Review } from './contract-review.js';
import { addDays, dayBetween } from './dates.js';
import { intBetween, type Random } from './drafts.js';
import { shuffled } from './targets.js';

/** A payment against a contract. */
export interface Receipt {
  readonly on: string;
  readonly fen: bigint;
}

/** The instalments of 2022 of a contract due in the campaign's period (from CAMPAIGN_FROM up to the day before CAMPAIGN_TO). */
const inPeriod = (c: PlannedContract) => c.schedule.filter((i) => i.dueOn >= CAMPAIGN_FROM && i.dueOn < CAMPAIGN_TO);

/**
 * The contracts in arrears: about one in five of those with a single
 * instalment due in the campaign's period, by the end of May (so a late
 * payment can still come in before the period ends), nothing else falling
 * due until then, and the first twenty of them annual, due by the end of
 * March and paid nothing (the review flags them for fees unpaid). The others
 * pay nothing or part on the due date.
 */
export const arrearsOf = (planned: readonly PlannedContract[], random: Random): { readonly arrears: Map<string, Arrear>; readonly unpaid: PlannedContract[] } => {
  const eligible = planned.filter((c) => {
    const due = inPeriod(c);
    return c.kind !== 'ending' && due.length === 1 && !c.schedule.some((i) => i.dueOn === CAMPAIGN_TO) && (due[0]?.dueOn ?? '') <= '2022-05-31';
  });
  const chosen = shuffled(eligible, random).filter(() => random() < 0.2);
  const unpaid = chosen.filter((c) => c.kind === 'old' && c.dueMonths.length === 1 && (inPeriod(c)[0]?.dueOn ?? '') <= '2022-03-31').slice(0, 20);
  const noPayment = new Set(unpaid.map((c) => c.contractId));
  const arrears = new Map<string, Arrear>();
  for (const c of chosen) {
    const i = inPeriod(c)[0];
    if (i === undefined) continue;
    const part = noPayment.has(c.contractId) || random() < 0.7 ? 0n : (i.fen * BigInt(intBetween(random, 20, 60))) / 100n;
    arrears.set(c.contractId, { dueOn: i.dueOn, fen: i.fen, paidOnDue: part });
  }
  return { arrears, unpaid };
};

/**
 * What is collected late within the period: ARREARS_COLLECTED_PER_MILLE of
 * all that fell overdue (rounded half-up to the fen), allocated over arrears
 * drawn until they owe a quarter more than that, in proportion to what each
 * owes, each paid on a day after its due date up to the period's end.
 */
const collectedInPeriod = (arrears: ReadonlyMap<string, Arrear>, skip: ReadonlySet<string>, random: Random): Map<string, Receipt> => {
  const overdue = [...arrears.values()].reduce((fen, a) => fen + a.fen - a.paidOnDue, 0n);
  const collected = (overdue * ARREARS_COLLECTED_PER_MILLE + 500n) / 1000n;
  const drawn: (readonly [string, Arrear])[] = [];
  let owed = 0n;
  for (const entry of shuffled([...arrears].filter(([id]) => !skip.has(id)), random)) {
    if (owed * 4n >= collected * 5n) break;
    drawn.push(entry);
    owed += entry[1].fen - entry[1].paidOnDue;
  }
  if (owed < collected) throw new Error('the arrears owe less than is to be collected');
  const parts = allocate(Money.fromFen(collected), drawn.map(([, a]) => String(a.fen - a.paidOnDue)));
  return new Map(drawn.map(([id, a], k) => [id, { on: dayBetween(random, addDays(a.dueOn, 1), CAMPAIGN_TO), fen: parts[k]?.toFen() ?? 0n }] as const));
};

/** A contract's 2022 instalments paid: the receipts, what its arrear still owes, and what of the second half was left unpaid. */
interface YearPaid {
  readonly receipts: readonly Receipt[];
  readonly arrearLeft: bigint;
  readonly skipped: bigint;
}

const duesPaid = (c: PlannedContract, arrear: Arrear | undefined, collected: Receipt | undefined, random: Random): YearPaid => {
  const receipts: Receipt[] = [];
  let arrearLeft = 0n;
  let skipped = 0n;
  for (const i of c.schedule.filter((x) => x.dueOn <= '2022-12-31')) {
    if (arrear?.dueOn === i.dueOn) {
      const late = collected?.fen ?? 0n;
      receipts.push(...[{ on: i.dueOn, fen: arrear.paidOnDue }, ...(collected === undefined ? [] : [collected])].filter((r) => r.fen > 0n));
      arrearLeft += i.fen - arrear.paidOnDue - late;
    } else if (i.dueOn > CAMPAIGN_TO && random() < 0.04) skipped += i.fen;
    else receipts.push({ on: i.dueOn, fen: i.fen });
  }
  return { receipts, arrearLeft, skipped };
};

/** The rest of an arrear paid in the second half of the year: always after a repayment agreement, else for about half. */
const restOf = (fen: bigint, agreed: boolean, random: Random): Receipt[] => (agreed || random() < 0.5 ? [{ on: dayBetween(random, '2022-07-01', '2022-11-30'), fen }] : []);

/** Next year's first rent paid in December, by about one tenant in thirty. */
const inAdvance = (c: PlannedContract, random: Random): Receipt[] => {
  const next = c.schedule.find((i) => i.dueOn > '2022-12-31');
  return next !== undefined && random() < 0.03 ? [{ on: dayBetween(random, '2022-12-01', '2022-12-28'), fen: next.fen }] : [];
};

const byDate = (a: Receipt, b: Receipt): number => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0);

/**
 * Every payment of 2022: on the due date in full, but for the arrears (part
 * or nothing on the due date, then what the period collects, and for about
 * half of them the rest in the second half of the year, for those that agreed
 * to pay in the review always), about one instalment in twenty-five of the
 * second half left unpaid, nothing more from contracts terminated or still
 * flagged for fees unpaid, and a few of next year's rents paid in advance in
 * December.
 */
export const paymentsOf = (planned: readonly PlannedContract[], arrears: ReadonlyMap<string, Arrear>, reviews: ReadonlyMap<string, Review>, random: Random): Map<string, Receipt[]> => {
  const flaggedUnpaid = new Set([...reviews].filter(([, r]) => r.reasons.some((x) => x.reason === 'fees-unpaid')).map(([id]) => id));
  const late = collectedInPeriod(arrears, flaggedUnpaid, random);
  const out = new Map<string, Receipt[]>();
  for (const c of planned) {
    const id = c.contractId;
    const review = reviews.get(id);
    const { receipts, arrearLeft, skipped } = duesPaid(c, arrears.get(id), late.get(id), random);
    const closed = review?.outcome.kind === 'terminated' || (review?.outcome.kind === 'pending' && flaggedUnpaid.has(id));
    const rest = closed || arrearLeft === 0n ? [] : restOf(arrearLeft, flaggedUnpaid.has(id), random);
    const ahead = arrearLeft === 0n && skipped === 0n && review === undefined ? inAdvance(c, random) : [];
    out.set(id, [...receipts, ...rest, ...ahead].sort(byDate));
  }
  return out;
};
