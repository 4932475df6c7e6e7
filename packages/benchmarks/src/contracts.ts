/**
 * Contracts benchmark: 清化收 at district scale. The events of
 * contracts-workload.ts (a district of 1,000 villages in 10 townships;
 * 100,000 contracts, 36 monthly instalments each, their recognitions and
 * payments, flags and rectifications; 20 non-performing debts per village
 * and their resolutions) are generated afresh for each step, a store batch
 * at a time, and read like any store. Each run times, over the same events:
 * generating them alone; a hand-written loop summing what falls due and what
 * is paid (the limit: reading the events with no decoding and no register);
 * decoding the contract events alone (a projection that only counts); the
 * three reports end to end as `runReport` runs them for the CLI
 * (`contract-cleanup` and `debts` as of the end of 2027, `arrears` over
 * 2025: replay, figures, JSON); and the fold the commands use
 * (`contractSubLedger.evolve`, one register per village) with what a close
 * would carry of it. Every figure is checked against the generator's exact
 * sums; peak RSS is taken after each step. `BENCH_VILLAGES`,
 * `BENCH_CONTRACTS`, `BENCH_MONTHS`, `BENCH_DEBTS`, `BENCH_RUNS` shrink it.
 * Run in its own process.
 */
import { contracts, coreCatalog, Money, reports, runProjection, runReport, type Projection, type RecordedEvent } from '@collective-ledger/core';
import { AS_OF, generate, PERIOD, type Expected, type Workload } from './contracts-workload.js';
import { must, seconds, servedStore } from './generated-store.js';
import { peakRssMiB } from './measure.js';

const WORKLOAD: Workload = {
  villages: Number(process.env['BENCH_VILLAGES'] ?? 1_000),
  contractsPerVillage: Number(process.env['BENCH_CONTRACTS'] ?? 100),
  months: Number(process.env['BENCH_MONTHS'] ?? 36),
  debtsPerVillage: Number(process.env['BENCH_DEBTS'] ?? 20),
};
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

const served = () => servedStore(generate(WORKLOAD));


/** Generating the events alone: the input every other step reads. */
const generated = (): number => {
  let n = 0;
  for (const batch of generate(WORKLOAD).batches()) n += batch.length;
  return n;
};

/** What an event adds to the limit's sums, read from its text: [due, paid] in fen. */
const sumsOf = (e: RecordedEvent): [bigint, bigint] => {
  if (e.type === 'ContractPaymentReceived') return [0n, Money.of(e.data['amount'] as string).toFen()];
  if (e.type !== 'ContractSigned') return [0n, 0n];
  let due = 0n;
  for (const i of e.data['instalments'] as { amount: string }[]) due += Money.of(i.amount).toFen();
  return [due, 0n];
};

/** The limit: a plain loop over the same events summing what falls due and what is paid, amounts read from their text. */
const handLoop = (): Expected => {
  const { batches, expected } = generate(WORKLOAD);
  let due = 0n;
  let paid = 0n;
  for (const batch of batches()) {
    for (const e of batch) {
      const [d, p] = sumsOf(e);
      due += d;
      paid += p;
    }
  }
  must('due by the hand loop', due, expected.dueFen);
  must('paid by the hand loop', paid, expected.paidFen);
  return expected;
};

const counting: Projection<{ n: number }> = { name: 'count', handles: contracts.contractEventTypes, init: () => ({ n: 0 }), apply: (s) => ({ n: s.n + 1 }), applyAll: (s, events) => ({ n: s.n + events.length }) };

const fen = (yuan: string): bigint => Money.of(yuan).toFen();

/** `report contract-cleanup --as-of 2027-12-31` for the district, end to end (replay, figures, JSON), checked against the generator. */
const cleanup = async (): Promise<string> => {
  const { store, expected } = served();
  const json = await runReport(store, coreCatalog, reports['contract-cleanup'], { asOf: AS_OF });
  const t = json.total;
  must('registered', t.registered, expected.signed);
  must('flagged', t.flagged, expected.flagged);
  must('pending', t.pending, expected.openFlags);
  must('rectified', t.rectified.total, expected.flagged - expected.openFlags);
  must('townships', json.townships.length, Math.ceil(WORKLOAD.villages / 100));
  must('villages', json.villages.length, WORKLOAD.villages);
  return t.rate?.display ?? 'none';
};

/** `report arrears --year 2025` for the district, end to end, checked against the generator. */
const arrears = async (): Promise<string> => {
  const { store, expected } = served();
  const json = await runReport(store, coreCatalog, reports.arrears, { year: Number(PERIOD.from.slice(0, 4)) });
  const t = json.total;
  must('opening arrears', fen(t.openingArrears), expected.openingArrears);
  must('fallen overdue', fen(t.fallenOverdue), expected.fallenOverdue);
  must('collected', fen(t.collected), expected.collected);
  return t.rate?.display ?? 'none';
};

/** `report debts --as-of 2027-12-31` for the district, end to end, checked against the generator. */
const debts = async (): Promise<string> => {
  const { store, expected } = served();
  const json = await runReport(store, coreCatalog, reports.debts, { asOf: AS_OF });
  const t = json.total;
  must('debts', t.debts, expected.debts);
  must('recorded', fen(t.recorded), expected.debtFen);
  must('resolved', fen(t.resolved.total), expected.resolvedFen);
  must('debt lines', json.debts.length, expected.debts);
  return t.rate?.display ?? 'none';
};

/**
 * The fold the commands use, one register per village, closed at each
 * year's end as a close carries it (encoded, written as JSON, read back):
 * the JSON bytes carried by the closes of each year, and the contracts they carry.
 */
const subLedgerFold = (): { readonly carriedBytes: Record<string, number>; readonly carried: number } => {
  const subLedger = contracts.contractSubLedger;
  const books = new Map<string, { year: string; book: contracts.ContractBook }>();
  const carriedBytes: Record<string, number> = {};
  let carried = 0;
  const closed = (book: contracts.ContractBook, year: string): contracts.ContractBook => {
    const carry = subLedger.carry(book);
    const text = JSON.stringify(subLedger.carried.encode(carry) ?? null);
    carriedBytes[year] = (carriedBytes[year] ?? 0) + text.length;
    const read = subLedger.carried.decode(JSON.parse(text) ?? undefined);
    if (read._tag === 'Left') throw new Error(`the close of ${year} does not read back`);
    return subLedger.open(read.right);
  };
  const types = new Set<string>(contracts.contractEventTypes);
  for (const batch of generate(WORKLOAD).batches()) {
    for (const recorded of batch) {
      if (!types.has(recorded.type)) continue;
      const event = coreCatalog.decode(recorded.type, recorded.data, 1) as contracts.ContractEvent;
      const id = event.data.organizationId;
      const year = recorded.streamId.slice(-4);
      let held = books.get(id);
      if (held === undefined) books.set(id, (held = { year, book: subLedger.open(undefined) }));
      for (; held.year < year; held.year = String(Number(held.year) + 1)) held.book = closed(held.book, held.year);
      held.book = subLedger.evolve(held.book, event);
    }
  }
  carried = 0;
  for (const held of books.values()) carried += subLedger.carry(held.book).contracts.size;
  return { carriedBytes, carried };
};

interface Run {
  readonly generate: number;
  readonly limit: number;
  readonly decode: number;
  readonly cleanup: number;
  readonly arrears: number;
  readonly debts: number;
  readonly subLedger: number;
}

const main = async (): Promise<void> => {
  const runs: Run[] = [];
  let events = 0;
  let rates = { cleanup: '', arrears: '', debts: '' };
  let carried: ReturnType<typeof subLedgerFold> = { carriedBytes: {}, carried: 0 };
  let expected: Expected | undefined;
  const rss: Record<string, number> = {};
  const step = async <T>(name: string, work: () => Promise<T> | T): Promise<{ value: T; seconds: number }> => {
    const done = await seconds(work);
    // The first run's: the process's peak only grows, so later runs would repeat the highest.
    rss[name] ??= Math.round(peakRssMiB());
    return done;
  };
  for (let r = 0; r < RUNS; r += 1) {
    const gen = await step('generate', generated);
    const limit = await step('limit', handLoop);
    const decodeStore = served();
    const decode = await step('decode', () => runProjection(decodeStore.store, coreCatalog, counting));
    must('events decoded', decode.value.state.n, decodeStore.expected.signed + decodeStore.expected.payments + decodeStore.expected.recognitions + decodeStore.expected.flagged + (decodeStore.expected.flagged - decodeStore.expected.openFlags));
    const clean = await step('cleanup', cleanup);
    const arrear = await step('arrears', arrears);
    const debt = await step('debts', debts);
    const fold = await step('subLedger', subLedgerFold);
    events = gen.value;
    rates = { cleanup: clean.value, arrears: arrear.value, debts: debt.value };
    carried = fold.value;
    expected = limit.value;
    runs.push({ generate: gen.seconds, limit: limit.seconds, decode: decode.seconds, cleanup: clean.seconds, arrears: arrear.seconds, debts: debt.seconds, subLedger: fold.seconds });
    process.stderr.write(`  run ${r + 1}: ${JSON.stringify(runs[r])} peak RSS after each step ${JSON.stringify(rss)}\n`);
  }
  if (expected === undefined) throw new Error('no run');
  const e = expected;
  const result = {
    name: 'contracts',
    ...WORKLOAD,
    events,
    counts: { signed: e.signed, payments: e.payments, recognitions: e.recognitions, flagged: e.flagged, openFlags: e.openFlags, debts: e.debts, resolutions: e.resolutions },
    runs,
    peakRssMiB: rss,
    checked: {
      due: Money.fromFen(e.dueFen).toString(),
      paid: Money.fromFen(e.paidFen).toString(),
      overdue: Money.fromFen(e.openingArrears + e.fallenOverdue).toString(),
      collected: Money.fromFen(e.collected).toString(),
      debt: Money.fromFen(e.debtFen).toString(),
      resolved: Money.fromFen(e.resolvedFen).toString(),
      rates,
    },
    carried,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

void main();
