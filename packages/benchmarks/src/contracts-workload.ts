/**
 * The contracts benchmark's events, generated directly (not through the
 * commands) in the order the commands would have recorded them: each
 * village signs its contracts on 2 January 2024, each running three years
 * with a monthly instalment due on the 28th; payments come on the 20th
 * (on time, ahead of the recognition run: a prepayment), on the 10th of the
 * next month (late: they clear the receivable), or not at all every third
 * month (arrears that stay); a recognition run on the 28th takes each
 * month's instalments; some contracts of the unpaying kind are flagged in
 * mid-2025 and some of those rectified. The villages sit in townships of
 * 100 under one district (their organization events come first), and each
 * carries non-performing debts (contracts-debts.ts). Every figure an event
 * derives (an instalment's number, a payment's split, a run's prepaid part)
 * is the one the register's rules give. Vouchers are not generated: the register's
 * replay skips them unread. The generator keeps the exact sums to check the
 * replay against. Nothing is held but counters: each run generates afresh.
 */
import { Money, type RecordedEvent } from '@collective-ledger/core';
import { debtsOf, organizations, recordDebts, resolveDebts, type DebtState } from './contracts-debts.js';
import { emptyExpected, Emitter, pad, type Expected } from './contracts-emitter.js';

export type { Expected } from './contracts-emitter.js';

export interface Workload {
  readonly villages: number;
  readonly contractsPerVillage: number;
  readonly months: number;
  readonly debtsPerVillage: number;
}

/** The period whose arrears collection is checked: 2025, both ends included. */
export const PERIOD = { from: '2025-01-01', to: '2025-12-31' } as const;
export const AS_OF = '2027-12-31';

type Kind = 'on-time' | 'late' | 'unpaid';
const kindOf = (k: number): Kind => (k % 10 === 9 ? 'unpaid' : k % 10 >= 7 ? 'late' : 'on-time');
const feeOf = (v: number, k: number): bigint => BigInt(10_000 + ((v * 131 + k * 977) % 90_000));

const monthOf = (m: number): string => `${2024 + Math.floor(m / 12)}-${pad((m % 12) + 1)}`;

interface ContractState {
  readonly id: string;
  readonly fee: bigint;
  readonly kind: Kind;
  recognised: number;
  paid: bigint;
  /** Instalments covered so far: payments are whole instalments, so the n-th payment covers instalment n. */
  covered: number;
}

/** An instalment due on `due`, covered on `on` (undefined: never), classed for the collection over PERIOD as `collectionOver` defines it. */
const classify = (expected: Expected, fee: bigint, due: string, on: string | undefined): void => {
  const { from, to } = PERIOD;
  if (due >= to) return;
  const late = on === undefined || on > due;
  if (due < from) {
    if (on !== undefined && on < from) return;
    expected.openingArrears += fee;
  } else if (late) expected.fallenOverdue += fee;
  else return;
  if (on !== undefined && on >= from && on <= to) expected.collected += fee;
};

const dueOn = (m: number): string => `${monthOf(m)}-28`;
const SIGNED_ON = '2024-01-02';

const signAll = (e: Emitter, village: string, list: readonly ContractState[], months: number): void => {
  for (const c of list) {
    const instalments = Array.from({ length: months }, (_, m) => ({ no: m + 1, dueOn: dueOn(m), amount: Money.fromFen(c.fee).toString() }));
    e.emit(village, SIGNED_ON, 'ContractSigned', {
      organizationId: village, contractId: c.id, title: `土地承包合同${c.id}`, category: 'land-lease', counterparty: { name: `农户${c.id}`, kind: 'household' },
      subject: { description: `${c.id}号地块`, area: { value: '12.5', unit: 'mu' } }, signedOn: SIGNED_ON, registeredOn: SIGNED_ON, startsOn: '2024-01-01', endsOn: dueOn(months - 1),
      approvals: [{ procedure: 'members-representatives', approvedOn: '2023-12-20' }], instalments, incomeAccount: '501', receivableAccount: '112', prepaymentAccount: '211',
    });
    e.expected.signed += 1;
    e.expected.dueFen += c.fee * BigInt(months);
  }
};

/** A whole instalment paid: it settles the oldest unpaid one, on the receivable as far as income is recognised, the rest in advance. */
const pay = (e: Emitter, village: string, c: ContractState, on: string): void => {
  const receivable = BigInt(c.recognised) * c.fee - c.paid;
  const toReceivable = receivable <= 0n ? 0n : receivable < c.fee ? receivable : c.fee;
  e.emit(village, on, 'ContractPaymentReceived', {
    organizationId: village, contractId: c.id, receivedOn: on, amount: Money.fromFen(c.fee).toString(), receivedInto: '102',
    toReceivable: Money.fromFen(toReceivable).toString(), toPrepayment: Money.fromFen(c.fee - toReceivable).toString(), voucherNo: e.voucherNo(village, on),
  });
  c.paid += c.fee;
  classify(e.expected, c.fee, dueOn(c.covered), on);
  c.covered += 1;
  e.expected.payments += 1;
  e.expected.paidFen += c.fee;
};

/** The month's recognition run of a village: each contract's instalment due on the 28th, with the part paid in advance. */
const recognise = (e: Emitter, village: string, list: readonly ContractState[], m: number): void => {
  const items = list.map((c) => {
    const ahead = c.paid - BigInt(c.recognised) * c.fee;
    const prepaid = ahead <= 0n ? 0n : ahead < c.fee ? ahead : c.fee;
    c.recognised += 1;
    e.expected.recognisedFen += c.fee;
    return { contractId: c.id, instalments: [m + 1], amount: Money.fromFen(c.fee).toString(), prepaid: Money.fromFen(prepaid).toString() };
  });
  if (items.length === 0) return;
  e.emit(village, dueOn(m), 'ContractIncomeRecognised', { organizationId: village, recognisedOn: dueOn(m), contracts: items, voucherNo: e.voucherNo(village, dueOn(m)) });
  e.expected.recognitions += 1;
};

/** Mid-2025's review: every twentieth contract (of the kind that skips months) flagged in June, some of them rectified in September. */
const review = (e: Emitter, village: string, list: readonly ContractState[], month: string): void => {
  for (const [k, c] of list.entries()) {
    if (k % 20 !== 9) continue;
    if (month === '2025-06') {
      e.emit(village, '2025-06-30', 'ContractFlagged', { organizationId: village, contractId: c.id, flaggedOn: '2025-06-30', reasons: [{ reason: 'fees-unpaid' }] });
      e.expected.flagged += 1;
      e.expected.openFlags += 1;
    } else if (month === '2025-09' && k % 40 === 9) {
      e.emit(village, '2025-09-30', 'ContractRectified', { organizationId: village, contractId: c.id, rectifiedOn: '2025-09-30', method: 'renegotiated' });
      e.expected.openFlags -= 1;
    }
  }
};

/** A village and what it keeps: its contracts and its debts. */
interface VillageBooks {
  readonly village: string;
  readonly list: readonly ContractState[];
  readonly debts: readonly DebtState[];
}

/** A day of the workload: month `m` (0 is January 2024) and its day. */
type Day = readonly [m: number, day: 10 | 20 | 28];

/** What a village does on one day of month `m` (10th: late payments of the month before, then the debts resolved on the 15th; 20th: payments on time; 28th: recognition, and the review). */
const dayOf = (e: Emitter, { village, list, debts }: VillageBooks, [m, day]: Day): void => {
  if (day === 10) for (const c of list) if (c.kind === 'late') pay(e, village, c, `${monthOf(m)}-10`);
  if (day === 10) resolveDebts(e, village, debts, monthOf(m));
  if (day === 20) for (const c of list) if (c.kind === 'on-time' || (c.kind === 'unpaid' && m % 3 !== 2)) pay(e, village, c, `${monthOf(m)}-20`);
  if (day === 28) {
    recognise(e, village, list, m);
    review(e, village, list, monthOf(m));
  }
};

/** The days of the workload in order: each month's 10th (after the first), 20th and 28th, then the 10th after the last month. */
const daysOf = (months: number): Day[] => {
  const days: Day[] = [];
  for (let m = 0; m < months; m += 1) days.push(...(m > 0 ? [[m, 10] as const] : []), [m, 20], [m, 28]);
  days.push([months, 10]);
  return days;
};

/** The instalments never paid, classed for the collection. */
const unpaidLeft = (expected: Expected, list: readonly ContractState[], months: number): void => {
  for (const c of list) for (let i = c.covered; i < months; i += 1) classify(expected, c.fee, dueOn(i), undefined);
};

/** The workload's events a batch at a time (about `batch` each, cut at a village's day), and the figures, complete once the last batch is taken. */
export const generate = (w: Workload, batch = 1_000): { readonly batches: () => Generator<RecordedEvent[]>; readonly expected: Expected } => {
  const expected = emptyExpected();
  function* batches(): Generator<RecordedEvent[]> {
    const e = new Emitter(expected);
    const villages = Array.from({ length: w.villages }, (_, v) => `v${pad(v, 4)}`);
    organizations(e, villages);
    const debts = villages.map((village, v) => debtsOf(village, v, w.debtsPerVillage));
    const contracts = villages.map((village, v) =>
      Array.from({ length: w.contractsPerVillage }, (_, k): ContractState => ({ id: `${village}-c${pad(k, 3)}`, fee: feeOf(v, k), kind: kindOf(k), recognised: 0, paid: 0n, covered: 0 })),
    );
    for (const [v, village] of villages.entries()) {
      signAll(e, village, contracts[v] ?? [], w.months);
      recordDebts(e, village, debts[v] ?? [], SIGNED_ON);
      const full = e.take(batch);
      if (full !== undefined) yield full;
    }
    for (const day of daysOf(w.months)) {
      for (const [v, village] of villages.entries()) {
        dayOf(e, { village, list: contracts[v] ?? [], debts: debts[v] ?? [] }, day);
        const full = e.take(batch);
        if (full !== undefined) yield full;
      }
    }
    for (const list of contracts) unpaidLeft(expected, list, w.months);
    const rest = e.take(batch, true);
    if (rest !== undefined) yield rest;
  }
  return { batches, expected };
};
