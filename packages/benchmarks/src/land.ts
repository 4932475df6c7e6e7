/**
 * Land benchmark: 土地流转 and 农户收入 at county scale. The events of
 * land-workload.ts (200,000 households in 200 villages, 1,000,000 parcels,
 * half of every household's land transferred, a year of rent paid by
 * quarter) are generated afresh for each step, a store batch at a time, and
 * replayed through `runReport` end to end like any store: `land-transfers`
 * on 31 December and `household-income` of the year. Each run times, over
 * the same events: generating them alone; the limit, a hand-written loop
 * summing the same totals from the events' text (contracted and transferred
 * area, rent due, paid and owed, members); and the two reports. Every figure
 * is checked against the generator's exact sums. `BENCH_VILLAGES`,
 * `BENCH_HOUSEHOLDS` (per village) and `BENCH_RUNS` shrink it. Run in its
 * own process.
 */
import { coreCatalog, householdIncomeReport, landTransfersReport, runReport, type RecordedEvent } from '@collective-ledger/core';
import { AS_OF, generate, mu, YEAR, yuan, type Expected, type Workload } from './land-workload.js';
import { must, seconds, servedStore } from './generated-store.js';
import { peakRssMiB } from './measure.js';

const WORKLOAD: Workload = {
  villages: Number(process.env['BENCH_VILLAGES'] ?? 200),
  householdsPerVillage: Number(process.env['BENCH_HOUSEHOLDS'] ?? 1_000),
};
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

const served = () => servedStore(generate(WORKLOAD));


/** An area's text in tenths of a mu ("12.5" → 125n): the workload writes one decimal. */
const tenths = (text: string): bigint => {
  const [whole = '0', part = ''] = text.split('.');
  return BigInt(whole) * 10n + BigInt((part + '0').slice(0, 1));
};
const fen = (text: string): bigint => {
  const [whole = '0', part = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt((part + '00').slice(0, 2));
};
/** The report's area (four decimals) for tenths of a mu. */
const area = (t: bigint): string => `${mu(t)}000`;

/** Generating the events alone: the input every other step reads. */
const generated = (): number => {
  let n = 0;
  for (const batch of generate(WORKLOAD).batches()) n += batch.length;
  return n;
};

interface Sums { contracted: bigint; transferred: bigint; due: bigint; paid: bigint; members: number; balance: Map<string, bigint> }

const add = (s: Sums, e: RecordedEvent): void => {
  const d = e.data as Record<string, unknown>;
  if (e.type === 'ParcelContracted') s.contracted += tenths(d['area'] as string);
  else if (e.type === 'MemberJoined') s.members += 1;
  else if (e.type === 'LandIncomePaid') {
    const paid = fen(d['amount'] as string);
    s.paid += paid;
    const key = d['householdId'] as string;
    s.balance.set(key, (s.balance.get(key) ?? 0n) - paid);
  } else if (e.type === 'LandTransferred') {
    const perMu = fen((d['terms'] as { perMu: string }).perMu);
    for (const p of d['parcels'] as { parcelId: string; area: string }[]) {
      const t = tenths(p.area);
      s.transferred += t;
      const key = p.parcelId.slice(0, p.parcelId.lastIndexOf('-'));
      s.balance.set(key, (s.balance.get(key) ?? 0n) + (perMu * t) / 10n);
      s.due += (perMu * t) / 10n;
    }
  }
};

/** The limit: a plain loop over the same events summing the reports' totals from their text. */
const handLoop = (): Expected => {
  const { batches, expected } = generate(WORKLOAD);
  const s: Sums = { contracted: 0n, transferred: 0n, due: 0n, paid: 0n, members: 0, balance: new Map() };
  for (const batch of batches()) for (const e of batch) add(s, e);
  let owed = 0n;
  for (const b of s.balance.values()) if (b > 0n) owed += b;
  must('contracted by the hand loop', s.contracted, expected.contractedTenths);
  must('transferred by the hand loop', s.transferred, expected.transferredTenths);
  must('due by the hand loop', s.due, expected.dueFen);
  must('paid by the hand loop', s.paid, expected.paidFen);
  must('owed by the hand loop', owed, expected.owedFen);
  must('members by the hand loop', s.members, expected.members);
  return expected;
};

const transfers = async (): Promise<string> => {
  const { store, expected: e } = served();
  const r = await runReport(store, coreCatalog, landTransfersReport, { asOf: AS_OF });
  const t = r.total;
  must('contracted area', t.contractedArea, area(e.contractedTenths));
  must('transferred area', t.transferredArea, area(e.transferredTenths));
  must('transfers', t.transfers, e.transfers);
  must('due', t.due, yuan(e.dueFen));
  must('paid', t.paid, yuan(e.paidFen));
  must('owed', t.owed, yuan(e.owedFen));
  must('villages', r.villages.length, WORKLOAD.villages);
  return t.share?.display ?? 'none';
};

const income = async (): Promise<string> => {
  const { store, expected: e } = served();
  const r = await runReport(store, coreCatalog, householdIncomeReport, { year: YEAR });
  const t = r.total;
  must('households', t.households, e.households);
  must('members', t.members, e.members);
  must('rent received', t.rent, yuan(e.paidFen));
  must('total income', t.total, yuan(e.paidFen));
  must('household lines', r.households.length, e.households);
  return t.perCapita ?? 'none';
};

interface Run {
  readonly generate: number;
  readonly limit: number;
  readonly transfers: number;
  readonly income: number;
}

const main = async (): Promise<void> => {
  const runs: Run[] = [];
  let events = 0;
  let share = '';
  let perCapita = '';
  let expected: Expected | undefined;
  for (let r = 0; r < RUNS; r += 1) {
    const gen = await seconds(generated);
    const limit = await seconds(handLoop);
    const t = await seconds(transfers);
    const i = await seconds(income);
    events = gen.value;
    share = t.value;
    perCapita = i.value;
    expected = limit.value;
    runs.push({ generate: gen.seconds, limit: limit.seconds, transfers: t.seconds, income: i.seconds });
    process.stderr.write(`  run ${r + 1}: ${JSON.stringify(runs[r])}\n`);
  }
  if (expected === undefined) throw new Error('no run');
  const e = expected;
  const result = {
    name: 'land',
    ...WORKLOAD,
    events,
    counts: { households: e.households, members: e.members, parcels: e.parcels, transfers: e.transfers, payments: e.payments },
    runs,
    peakRssMiB: Math.round(peakRssMiB()),
    checked: { contracted: mu(e.contractedTenths), transferred: mu(e.transferredTenths), share, due: yuan(e.dueFen), paid: yuan(e.paidFen), owed: yuan(e.owedFen), perCapita },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

void main();
