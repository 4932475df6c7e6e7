/**
 * Read models benchmark: the ledger benchmark's district (a million events)
 * imported into PGlite and into a schema on the server with
 * `collective-ledger import`, its income tiers and balance sheet kept with
 * `collective-ledger project`, then, in several runs taking turns at going
 * first, `collective-ledger report` end to end (a new Node process, from
 * spawn to exit) from the read model beside the same report with `--replay`.
 * Then the time a new voucher takes to reach a model kept by `project
 * --follow`: appended on the server by another process's connection while
 * the follower runs in its own process; in PGlite, the follower in the
 * appending process (PGlite is one process's database).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Money, coreCatalog, projectReadModels, type EventStore, type NewEvent } from '@collective-ledger/core';
import { PostgresReadModels, openPgliteStore, openPostgresStore, postgresUrlFrom } from '@collective-ledger/postgres';
import { cliOk, nodeProcess, startCliProcess } from './cli-process.js';
import { writeDistrictFile } from './district-file.js';
import { YEAR } from './ledger-district.js';
import { peakRssMiB, spread } from './measure.js';

const pgliteBoot = fileURLToPath(new URL('./pglite-boot.js', import.meta.url));

const VILLAGES = Number(process.env['BENCH_VILLAGES'] ?? 1_000);
const VOUCHERS = Number(process.env['BENCH_VOUCHERS'] ?? 1_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const FOLLOWS = 5;

const yuan = (fen: bigint): string => Money.fromFen(fen).toString();

/** A voucher of 501 income for the first village, unique by `n`: what a clerk posts while the follower runs. */
const lateVoucher = (n: number): NewEvent => ({
  type: 'VoucherPosted',
  data: {
    organizationId: 'v-0000',
    voucherNo: `记-late-${n}`,
    date: `${YEAR}-12-30`,
    summary: '收到承包费',
    lines: [
      { account: '102', side: 'debit', amount: '1234.56' },
      { account: '501', side: 'credit', amount: '1234.56' },
    ],
  },
  metadata: { eventId: randomUUID(), occurredOn: `${YEAR}-12-30`, actor: 'bench', schemaVersion: 1 },
});
const LATE_FEN = 123_456n;

const districtIncome = (json: string): string => (JSON.parse(json) as { district: { income: string } }).district.income;

interface StoreFigures {
  /** The floor of any command on this store, in the same runs: `collective-ledger --help` (server), PGlite booted alone (PGlite). */
  readonly floor: ReturnType<typeof spread>;
  readonly importSeconds: number;
  readonly projectSeconds: number;
  readonly fromModel: ReturnType<typeof spread>;
  readonly replay: ReturnType<typeof spread>;
  readonly sheetFromModel: ReturnType<typeof spread>;
  readonly sheetReplay: ReturnType<typeof spread>;
}

/** Import, keep the two models, then the reports from the models beside their replays, taking turns. */
interface StoreRun {
  readonly store: string;
  readonly env: NodeJS.ProcessEnv;
  readonly file: string;
  readonly wantIncome: string;
  /** The floor of a command on this store, measured in each run. */
  readonly floorRun: () => Promise<number>;
}

const measureStore = async ({ store, env, file, wantIncome, floorRun }: StoreRun): Promise<StoreFigures> => {
  const imported = await cliOk(['import', file, '--store', store], env);
  const t0 = process.hrtime.bigint();
  await cliOk(['project', '--store', store, '--report', 'income-tiers', '--year', String(YEAR)], env);
  await cliOk(['project', '--store', store, '--report', 'balance-sheet', '--year', String(YEAR)], env);
  const projectSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const tiers = ['report', 'income-tiers', '--store', store, '--year', String(YEAR), '--format', 'json'];
  const sheet = ['report', 'balance-sheet', '--store', store, '--year', String(YEAR), '--format', 'json'];
  const times = { floor: [] as number[], fromModel: [] as number[], replay: [] as number[], sheetFromModel: [] as number[], sheetReplay: [] as number[] };
  for (let run = 0; run < RUNS; run += 1) {
    times.floor.push(await floorRun());
    const order = run % 2 === 0 ? ['model', 'replay'] : ['replay', 'model'];
    const outputs: Record<string, string> = {};
    for (const way of order) {
      const flags = way === 'replay' ? ['--replay'] : [];
      const a = await cliOk([...tiers, ...flags], env);
      const b = await cliOk([...sheet, ...flags], env);
      (way === 'replay' ? times.replay : times.fromModel).push(a.seconds);
      (way === 'replay' ? times.sheetReplay : times.sheetFromModel).push(b.seconds);
      outputs[way] = a.stdout + b.stdout;
      if (districtIncome(a.stdout) !== wantIncome) throw new Error(`${store}: income ${districtIncome(a.stdout)} from ${way}, the generator says ${wantIncome}`);
    }
    if (outputs['model'] !== outputs['replay']) throw new Error(`${store}: the reports from the read models differ from their replays`);
  }
  return {
    floor: spread(times.floor),
    importSeconds: imported.seconds,
    projectSeconds,
    fromModel: spread(times.fromModel),
    replay: spread(times.replay),
    sheetFromModel: spread(times.sheetFromModel),
    sheetReplay: spread(times.sheetReplay),
  };
};

/** Seconds from a voucher's append returning to the follower saying its models hold it. */
const serverFollow = async (env: NodeJS.ProcessEnv, schema: string, head: bigint): Promise<number[]> => {
  const follower = startCliProcess(['project', '--store', postgresUrlFrom(), '--follow'], env);
  await follower.saw(`read models current at position ${head}\n`);
  const store = await openPostgresStore({ schema });
  const latencies: number[] = [];
  try {
    for (let n = 0; n < FOLLOWS; n += 1) {
      const written = await store.append(`ledger-v-0000-${YEAR}`, [lateVoucher(n)]);
      const appended = process.hrtime.bigint();
      const seen = await follower.saw(`read models current at position ${written.lastGlobalPosition}\n`);
      latencies.push(Number(seen - appended) / 1e9);
    }
  } finally {
    await store.close();
    await follower.stop();
  }
  return latencies;
};

/** The same in PGlite, the follower and the clerk in one process on one database. */
const pgliteFollow = async (directory: string): Promise<number[]> => {
  const store = await openPgliteStore(directory);
  const controller = new AbortController();
  const saved: { position: bigint; at: bigint }[] = [];
  const following = projectReadModels(store, coreCatalog, PostgresReadModels.of(store), {
    follow: true,
    signal: controller.signal,
    onProgress: (p) => {
      if (p.saved && p.caughtUp) saved.push({ position: p.position, at: process.hrtime.bigint() });
    },
  });
  const until = async (position: bigint): Promise<bigint> => {
    for (;;) {
      const found = saved.find((s) => s.position >= position);
      if (found !== undefined) return found.at;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  const latencies: number[] = [];
  try {
    for (let n = 0; n < FOLLOWS; n += 1) {
      const written = await (store as EventStore).append(`ledger-v-0000-${YEAR}`, [lateVoucher(100 + n)]);
      const appended = process.hrtime.bigint();
      latencies.push(Number((await until(written.lastGlobalPosition)) - appended) / 1e9);
    }
  } finally {
    controller.abort();
    await following;
    await store.close();
  }
  return latencies;
};

const main = async (): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-models-bench-'));
  const schema = `bench_models_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const env = { COLLECTIVE_LEDGER_PG_SCHEMA: schema };
  try {
    const file = join(dir, 'district.ndjson');
    const { expected, events } = await writeDistrictFile(file, { villages: VILLAGES, vouchers: VOUCHERS });
    const want = yuan(expected.operatingFen);
    const server = await measureStore({ store: postgresUrlFrom(), env, file, wantIncome: want, floorRun: async () => (await cliOk(['--help'])).seconds });
    const pgliteDir = join(dir, 'pglite');
    const pglite = await measureStore({ store: pgliteDir, env: {}, file, wantIncome: want, floorRun: () => nodeProcess(pgliteBoot, [pgliteDir]) });
    const serverLatency = await serverFollow(env, schema, BigInt(events));
    const pgliteLatency = await pgliteFollow(pgliteDir);
    // The follower's last save holds every late voucher: the report from the model sees them all.
    const after = await cliOk(['report', 'income-tiers', '--store', postgresUrlFrom(), '--year', String(YEAR), '--format', 'json'], env);
    const wantAfter = yuan(expected.operatingFen + LATE_FEN * BigInt(FOLLOWS));
    if (districtIncome(after.stdout) !== wantAfter) throw new Error(`after the late vouchers the server's model says ${districtIncome(after.stdout)}, not ${wantAfter}`);
    process.stdout.write(
      JSON.stringify({
        villages: VILLAGES,
        events,
        runs: RUNS,
        server,
        pglite,
        follow: { server: spread(serverLatency), pglite: spread(pgliteLatency), count: FOLLOWS },
        checkedIncome: want,
        peakRssMiB: peakRssMiB(),
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: postgresUrlFrom() });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`).finally(() => client.end());
  }
};

await main();
