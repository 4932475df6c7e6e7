/**
 * Books-age benchmark: what one command costs in a village whose books are
 * 1, 5 or 10 years old. For each age, BENCH_VILLAGES identical villages are
 * built through the services (books-age-village.ts); every run copies those
 * books into a fresh store and times, one village after another, a January
 * depreciation run (`assets.chargeDepreciation`) and then the payment of one
 * member's dividend of the first year (`shares.payDividends`), carried unpaid
 * by every close since. The ages take turns within each run, so a drift in
 * the machine's speed falls on all three; each run gives the 5- and 10-year
 * rates as ratios to the 1-year rate. In memory, then (unless BENCH_PG_RUNS
 * is 0) on the PostgreSQL server, a schema of its own per copy, dropped after.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { InMemoryEventStore, assets, coreCatalog, shares, type BulkImportingStore, type CommandContext, type EventStore, type StreamWrite } from '@collective-ledger/core';
import { openPostgresStore, postgresUrlFrom } from '@collective-ledger/postgres';
import { AgedBooksBuilder, FIRST_YEAR, UNPAID, ageVillage } from './books-age-village.js';
import { peakRssMiB, timed } from './measure.js';

const VILLAGES = Number(process.env['BENCH_VILLAGES'] ?? 100);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const PG_RUNS = Number(process.env['BENCH_PG_RUNS'] ?? 3);
const AGES = [1, 5, 10] as const;

type Age = (typeof AGES)[number];
type Kind = 'asset' | 'dividend';

interface Timing {
  readonly perSecond: number;
  readonly eventsRead: number;
}

/** Each stream's run of events, in global order: what `importAll` takes. */
async function* writesOf(source: EventStore): AsyncIterable<StreamWrite> {
  let streamId: string | undefined;
  let events: StreamWrite['events'][number][] = [];
  for await (const e of source.readAll()) {
    if (e.streamId !== streamId && streamId !== undefined) {
      yield { streamId, events };
      events = [];
    }
    streamId = e.streamId;
    events.push({ type: e.type, data: e.data, metadata: e.metadata });
  }
  if (streamId !== undefined) yield { streamId, events };
}

const build = async (years: number): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  const builder = new AgedBooksBuilder({ store, catalog: coreCatalog });
  await builder.district();
  for (let v = 0; v < VILLAGES; v += 1) await builder.village(ageVillage(v), years);
  return store;
};

type Command = (context: CommandContext, village: string, commandId: string) => Promise<{ readonly _tag: 'Left'; readonly left: { readonly message: string } } | { readonly _tag: 'Right'; readonly right: { readonly eventsRead: number } }>;

const COMMANDS: Record<Kind, (openYear: number) => Command> = {
  asset: (openYear) => (context, village, commandId) =>
    assets.chargeDepreciation(context, { commandId, actor: 'bench', input: { organizationId: village, month: `${openYear}-01` } }),
  dividend: (openYear) => (context, village, commandId) =>
    shares.payDividends(context, {
      commandId,
      actor: 'bench',
      input: { organizationId: village, year: FIRST_YEAR, paidOn: `${openYear}-02-01`, account: '102', payments: [{ memberId: UNPAID[0] }] },
    }),
};

type RunOf = Record<Age, Record<Kind, Timing>>;

/** Villages in slices: the ages take turns slice by slice, each first in turn. */
const SLICE = 10;

type Contexts = Record<Age, CommandContext>;

/** The command in villages `from` to `from + SLICE` of one age's books: seconds, and the events each read. */
const timeSlice = async (context: CommandContext, kind: Kind, age: Age, from: number) => {
  const command = COMMANDS[kind](FIRST_YEAR + age);
  const read = new Set<number>();
  const slice = await timed(async () => {
    for (let v = from; v < Math.min(from + SLICE, VILLAGES); v += 1) {
      const result = await command(context, ageVillage(v), `${kind}-${v}`);
      if (result._tag === 'Left') throw new Error(`${kind} command in ${ageVillage(v)}, ${age} years: ${result.left.message}`);
      read.add(result.right.eventsRead);
    }
  });
  return { seconds: slice.seconds, read };
};

/** The command once in every village of every age, the ages taking turns slice by slice; every village of an age must read as many events. */
const timeKind = async (contexts: Contexts, kind: Kind): Promise<Record<Age, Timing>> => {
  const seconds = new Map<Age, number>(AGES.map((age) => [age, 0]));
  const read = new Map<Age, Set<number>>(AGES.map((age) => [age, new Set<number>()]));
  for (let from = 0, turn = 0; from < VILLAGES; from += SLICE, turn += 1) {
    for (let i = 0; i < AGES.length; i += 1) {
      const age = AGES[(turn + i) % AGES.length] as Age;
      const slice = await timeSlice(contexts[age], kind, age, from);
      seconds.set(age, (seconds.get(age) ?? 0) + slice.seconds);
      for (const n of slice.read) read.get(age)?.add(n);
    }
  }
  const timing = (age: Age): Timing => {
    const counts = [...(read.get(age) ?? [])];
    if (counts.length !== 1) throw new Error(`the ${kind} command read ${counts.join(', ')} events in identical villages of ${age} years`);
    return { perSecond: VILLAGES / (seconds.get(age) ?? Number.NaN), eventsRead: counts[0] ?? 0 };
  };
  return { 1: timing(1), 5: timing(5), 10: timing(10) };
};

/** One run: each age's books copied into a fresh store from `open`, then both commands timed. */
const oneRun = async (books: Record<Age, InMemoryEventStore>, open: () => Promise<Opened>): Promise<RunOf> => {
  const opened: Opened[] = [];
  try {
    const copy = async (age: Age): Promise<CommandContext> => {
      const { store } = opened[opened.push(await open()) - 1] as Opened;
      await store.importAll(writesOf(books[age]));
      return { store, catalog: coreCatalog };
    };
    const contexts: Contexts = { 1: await copy(1), 5: await copy(5), 10: await copy(10) };
    const asset = await timeKind(contexts, 'asset');
    const dividend = await timeKind(contexts, 'dividend');
    return { 1: { asset: asset[1], dividend: dividend[1] }, 5: { asset: asset[5], dividend: dividend[5] }, 10: { asset: asset[10], dividend: dividend[10] } };
  } finally {
    for (const { done } of opened) await done();
  }
};

interface Opened {
  readonly store: BulkImportingStore;
  readonly done: () => Promise<void>;
}

const inMemory = (): Promise<Opened> => Promise.resolve({ store: new InMemoryEventStore(), done: () => Promise.resolve() });

/** A store in a new schema of the server, the schema dropped when done. */
const onServer = async (): Promise<Opened> => {
  const schema = `cl_bench_age_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const store = await openPostgresStore({ url: postgresUrlFrom(), schema });
  const done = async () => {
    await store.close();
    const client = new pg.Client({ connectionString: postgresUrlFrom() });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  };
  return { store, done };
};

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const spread = (xs: readonly number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** Per age and command: events read, commands/s over the runs, and each run's rate over the 1-year rate of the same run. */
const summary = (runs: readonly RunOf[]) =>
  AGES.map((age) => ({
    age,
    ...Object.fromEntries(
      (['asset', 'dividend'] as const).map((kind) => [
        kind,
        {
          eventsRead: [...new Set(runs.map((r) => r[age][kind].eventsRead))],
          perSecond: spread(runs.map((r) => r[age][kind].perSecond)),
          ratio: spread(runs.map((r) => r[age][kind].perSecond / r[1][kind].perSecond)),
        },
      ]),
    ),
  }));

/** `count` runs after one not counted (the compiler warms up on it, and the server's connections open). */
const runsOn = async (label: string, count: number, books: Record<Age, InMemoryEventStore>, open: () => Promise<Opened>) => {
  const runs: RunOf[] = [];
  process.stderr.write(`books-age: ${label}, a run to warm up...\n`);
  await oneRun(books, open);
  for (let r = 0; r < count; r += 1) {
    process.stderr.write(`books-age: ${label}, run ${r + 1} of ${count}...\n`);
    runs.push(await oneRun(books, open));
  }
  return summary(runs);
};

const main = async (): Promise<void> => {
  const books: Partial<Record<Age, InMemoryEventStore>> = {};
  const events: Partial<Record<Age, number>> = {};
  for (const age of AGES) {
    process.stderr.write(`books-age: ${VILLAGES} villages with ${age} years of books...\n`);
    const store = await build(age);
    books[age] = store;
    events[age] = store.size;
  }
  const built = books as Record<Age, InMemoryEventStore>;
  const memory = await runsOn('in memory', RUNS, built, inMemory);
  const postgres = PG_RUNS > 0 ? await runsOn('PostgreSQL server', PG_RUNS, built, onServer) : undefined;
  const result = { name: 'books-age', villages: VILLAGES, runs: RUNS, pgRuns: PG_RUNS, events, memory, postgres, peakRssMiB: Math.round(peakRssMiB()) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
