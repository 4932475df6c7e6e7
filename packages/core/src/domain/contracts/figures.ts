import type { ContractRecord } from './register.js';
import { totalOf, type ScheduledInstalment } from './schedule.js';

/*
 * What a contract's card implies, in fen. Money received settles the
 * instalments oldest first, so the part of instalment k paid is what `paid`
 * leaves after the instalments before it, at most its amount.
 */

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** The part of an instalment of `fen` that `paid` covers when `before` fen of earlier instalments come first. */
export const coveredPart = (paid: bigint, before: bigint, fen: bigint): bigint => max(0n, min(fen, paid - before));

/** The total of the schedule in force. */
export const scheduledFen = (c: Pick<ContractRecord, 'schedule'>): bigint => totalOf(c.schedule);

/** The total of the instalments recognised as income. */
export const recognisedFen = (c: Pick<ContractRecord, 'schedule' | 'recognised'>): bigint => totalOf(c.schedule.slice(0, c.recognised));

/** What is still owed on the whole schedule; negative when more was paid than the schedule now holds (owed back). */
export const owedFen = (c: Pick<ContractRecord, 'schedule' | 'paid'>): bigint => scheduledFen(c) - c.paid;

/** What the receivable holds for the contract: recognised and not paid. */
export const receivableFen = (c: Pick<ContractRecord, 'schedule' | 'recognised' | 'paid'>): bigint => max(0n, recognisedFen(c) - c.paid);

/** How much of a payment clears the receivable, and how much waits as a prepayment. */
export const splitPayment = (c: Pick<ContractRecord, 'schedule' | 'recognised' | 'paid'>, amount: bigint): { toReceivable: bigint; toPrepayment: bigint } => {
  const toReceivable = min(amount, receivableFen(c));
  return { toReceivable, toPrepayment: amount - toReceivable };
};

/** The instalments a recognition through `through` takes (due then or before, not yet recognised), and the part of them paid in advance. */
export const dueToRecognise = (c: ContractRecord, through: string): { instalments: readonly ScheduledInstalment[]; fen: bigint; prepaid: bigint } => {
  const before = recognisedFen(c);
  const instalments: ScheduledInstalment[] = [];
  for (let k = c.recognised; k < c.schedule.length; k += 1) {
    const i = c.schedule[k];
    if (i === undefined || i.dueOn > through) break;
    instalments.push(i);
  }
  const fen = totalOf(instalments);
  return { instalments, fen, prepaid: coveredPart(c.paid, before, fen) };
};

/** The last instalment income or money has reached (recognised, or paid in part): the schedule before it cannot change. */
export const lastBooked = (c: Pick<ContractRecord, 'schedule' | 'recognised' | 'paid'>): ScheduledInstalment | undefined => {
  let reached = c.recognised;
  let before = 0n;
  for (let k = 0; k < c.schedule.length && before < c.paid; k += 1) {
    before += c.schedule[k]?.fen ?? 0n;
    reached = Math.max(reached, k + 1);
  }
  return c.schedule[reached - 1];
};

/** Ended, every instalment recognised and paid, nothing owed back and no flag open: a close need not carry it. */
export const isSettled = (c: ContractRecord): boolean =>
  c.status !== 'live' && c.recognised === c.schedule.length && owedFen(c) === 0n && c.flag === undefined;
