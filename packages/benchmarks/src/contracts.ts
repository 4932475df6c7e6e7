/**
 * Contracts benchmark: 合同台账 replayed at district scale. The events of
 * contracts-workload.ts (100,000 contracts in 1,000 villages, 36 monthly
 * instalments each, their recognitions and payments) are generated afresh
 * for each step, a store batch at a time, and read through `runProjection`
 * like any store. Each run times, over the same events: generating them
 * alone; a hand-written loop summing what falls due and what is paid (the
 * limit: reading the events with no decoding and no register); decoding
 * them alone (a projection that only counts); the replay into the contract
 * registers with history (`contractRegisters`), then the figures the
 * reports read (`collectionRateOver`, `contractStatusAsOf`, open flags,
 * contracts in force, double lettings); and the fold the commands use
 * (`contractSubLedger.evolve`, one register per village) with what a close
 * would carry of it. Every figure is checked against the generator's exact
 * sums. `BENCH_VILLAGES`, `BENCH_CONTRACTS`, `BENCH_MONTHS`, `BENCH_RUNS`
 * shrink it. Run in its own process.
 */
import { performance } from 'node:perf_hooks';
import { contracts, coreCatalog, Money, runProjection, type BatchReadingStore, type Projection, type RecordedEvent } from '@collective-ledger/core';
import { AS_OF, generate, PERIOD, type Expected, type Workload } from './contracts-workload.js';
import { peakRssMiB } from './measure.js';

const WORKLOAD: Workload = {
  villages: Number(process.env['BENCH_VILLAGES'] ?? 1_000),
  contractsPerVillage: Number(process.env['BENCH_CONTRACTS'] ?? 100),
  months: Number(process.env['BENCH_MONTHS'] ?? 36),
};
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

/** The generated events as a store hands them out, a batch at a time; `expected` is complete once read to the end. */
const served = (): { readonly store: BatchReadingStore; readonly expected: Expected } => {
  const { batches, expected } = generate(WORKLOAD);
  async function* readAllBatches(): AsyncIterable<readonly RecordedEvent[]> {
    yield* batches();
  }
  async function* readAll(): AsyncIterable<RecordedEvent> {
    for (const batch of batches()) yield* batch;
  }
  const none = () => Promise.reject(new Error('read only'));
  return { store: { readAllBatches, readAll, append: none, readStream: readAll, readCommand: none, close: () => Promise.resolve() }, expected };
};

const seconds = async <T>(work: () => Promise<T> | T): Promise<{ value: T; seconds: number }> => {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
};

const must = (what: string, got: unknown, want: unknown): void => {
  if (String(got) !== String(want)) throw new Error(`${what}: replayed ${String(got)}, the generator made ${String(want)}`);
};

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

/** The figures the reports read, from every village's register, checked against the generator. */
const figures = (registers: contracts.ContractRegisters, expected: Expected): { readonly rate: string } => {
  let due = 0n;
  let received = 0n;
  let recognised = 0n;
  let openFlags = 0;
  let live = 0;
  let doubles = 0;
  let views: contracts.ContractView[] = [];
  for (const register of registers.values()) {
    for (const view of register.values()) {
      const status = contracts.contractStatusAsOf(view, AS_OF);
      due += status.due;
      received += status.received;
      recognised += status.recognised;
      if (view.card.flag !== undefined) openFlags += 1;
      if (contracts.isLiveOn(view.card, PERIOD.to)) live += 1;
      views.push(view);
    }
    doubles += contracts.doubleLettings(register, PERIOD.to).length;
  }
  const collection = contracts.collectionRateOver(views, PERIOD.from, PERIOD.to);
  views = [];
  must('due', due, expected.dueFen);
  must('received', received, expected.paidFen);
  must('recognised', recognised, expected.recognisedFen);
  must('open flags', openFlags, expected.openFlags);
  must('in force', live, expected.signed);
  must('double lettings', doubles, 0);
  must('opening arrears', collection.openingArrears, expected.openingArrears);
  must('fallen overdue', collection.fallenOverdue, expected.fallenOverdue);
  must('collected', collection.collected, expected.collected);
  return { rate: collection.rate?.toString() ?? 'none' };
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
  for (const batch of generate(WORKLOAD).batches()) {
    for (const recorded of batch) {
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
  readonly replay: number;
  readonly figures: number;
  readonly subLedger: number;
}

const main = async (): Promise<void> => {
  const runs: Run[] = [];
  let events = 0;
  let rate = '';
  let carried: ReturnType<typeof subLedgerFold> = { carriedBytes: {}, carried: 0 };
  let expected: Expected | undefined;
  for (let r = 0; r < RUNS; r += 1) {
    const gen = await seconds(generated);
    const limit = await seconds(handLoop);
    const decodeStore = served();
    const decode = await seconds(() => runProjection(decodeStore.store, coreCatalog, counting));
    must('events decoded', decode.value.state.n, decodeStore.expected.events);
    const replayStore = served();
    const replay = await seconds(() => runProjection(replayStore.store, coreCatalog, contracts.contractRegisters));
    const read = await seconds(() => figures(replay.value.state, replayStore.expected));
    const fold = await seconds(subLedgerFold);
    events = gen.value;
    rate = read.value.rate;
    carried = fold.value;
    expected = limit.value;
    runs.push({ generate: gen.seconds, limit: limit.seconds, decode: decode.seconds, replay: replay.seconds, figures: read.seconds, subLedger: fold.seconds });
    process.stderr.write(`  run ${r + 1}: ${JSON.stringify(runs[r])}\n`);
  }
  if (expected === undefined) throw new Error('no run');
  const e = expected;
  const result = {
    name: 'contracts',
    ...WORKLOAD,
    events,
    counts: { signed: e.signed, payments: e.payments, recognitions: e.recognitions, flagged: e.flagged, openFlags: e.openFlags },
    runs,
    peakRssMiB: Math.round(peakRssMiB()),
    checked: {
      due: Money.fromFen(e.dueFen).toString(),
      paid: Money.fromFen(e.paidFen).toString(),
      overdue: Money.fromFen(e.openingArrears + e.fallenOverdue).toString(),
      collected: Money.fromFen(e.collected).toString(),
      rate,
    },
    carried,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

void main();
