/**
 * Scale benchmark (opt-in: `BENCH_SCALE=10m`, 10,000 villages × 10 years ×
 * 100 vouchers, ten million events; `BENCH_SCALE=100k` for a quick run). The
 * ledger is written as an NDJSON file in one pass, imported into a fresh
 * schema on the server with `collective-ledger import`, its income tiers of
 * the last year kept with `collective-ledger project`, then reported from the
 * model and by a full replay. Each step is a `collective-ledger` process of
 * its own: its seconds and peak RSS (GNU time), and the disk the events
 * take on the server.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Money } from '@collective-ledger/core';
import { postgresUrlFrom } from '@collective-ledger/postgres';
import { FIRST_YEAR, writeScaleLedger, type ScaleShape } from './scale-ledger.js';

const SHAPES: Readonly<Record<string, ScaleShape>> = {
  '10m': { villages: 10_000, years: 10, vouchers: 100 },
  '1m': { villages: 1_000, years: 10, vouchers: 100 },
  '100k': { villages: 100, years: 10, vouchers: 100 },
};

const bin = fileURLToPath(new URL('../../cli/bin/collective-ledger.js', import.meta.url));

interface Step {
  readonly seconds: number;
  readonly peakRssMiB: number;
  readonly stdout: string;
}

/** One `collective-ledger` process under GNU time: wall seconds and peak RSS. */
const step = (args: readonly string[], env: NodeJS.ProcessEnv): Step => {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', 'peak-rss-kib %M', process.execPath, '--max-old-space-size=8192', bin, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`collective-ledger ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(-2000)}`);
  const kib = Number(/peak-rss-kib (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  return { seconds, peakRssMiB: Math.round(kib / 1024), stdout: run.stdout };
};

const income = (json: string): string => (JSON.parse(json) as { district: { income: string } }).district.income;

const main = async (): Promise<void> => {
  const scale = process.env['BENCH_SCALE'] ?? '';
  const shape = SHAPES[scale];
  if (shape === undefined) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SHAPES).join(', ')}, got ${JSON.stringify(scale)}`);
  const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-scale-'));
  const schema = `bench_scale_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const env = { COLLECTIVE_LEDGER_PG_SCHEMA: schema };
  const client = new pg.Client({ connectionString: postgresUrlFrom() });
  await client.connect();
  try {
    const file = join(dir, 'province.ndjson');
    const t0 = process.hrtime.bigint();
    const ledger = await writeScaleLedger(file, shape);
    const writeSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const year = String(FIRST_YEAR + shape.years - 1);
    const store = postgresUrlFrom();
    const imported = step(['import', file, '--store', store], env);
    const [sizes] = (
      await client.query<{ events: string; table: string; indexes: string }>(
        `select pg_total_relation_size('${schema}.events') as events, pg_relation_size('${schema}.events') as table, pg_indexes_size('${schema}.events') as indexes`,
      )
    ).rows;
    const projected = step(['project', '--store', store, '--report', 'income-tiers', '--year', year], env);
    const fromModel = step(['report', 'income-tiers', '--store', store, '--year', year, '--format', 'json'], env);
    const replayed = step(['report', 'income-tiers', '--store', store, '--year', year, '--format', 'json', '--replay'], env);
    const want = Money.fromFen(ledger.lastYearOperatingFen).toString();
    for (const [name, s] of [['model', fromModel], ['replay', replayed]] as const) {
      if (income(s.stdout) !== want) throw new Error(`${name}: income ${income(s.stdout)}, the generator says ${want}`);
    }
    if (fromModel.stdout !== replayed.stdout) throw new Error('the report from the read model differs from the replay');
    const strip = ({ stdout: _stdout, ...rest }: Step) => rest;
    process.stdout.write(
      JSON.stringify({
        scale,
        shape,
        events: ledger.events,
        fileBytes: ledger.bytes,
        writeSeconds,
        import: strip(imported),
        disk: { total: Number(sizes?.events), table: Number(sizes?.table), indexes: Number(sizes?.indexes) },
        project: strip(projected),
        fromModel: strip(fromModel),
        replay: strip(replayed),
        checkedIncome: want,
        server: execFileSync('psql', ['-At', '-d', postgresUrlFrom(), '-c', 'show server_version'], { encoding: 'utf8' }).trim(),
      }),
    );
  } finally {
    await client.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await client.end();
    await rm(dir, { recursive: true, force: true });
  }
};

await main();
