/**
 * PostgreSQL import benchmark: the ledger benchmark's district (1,000 villages,
 * 1,000 vouchers each: a million events) written as an NDJSON ledger file,
 * imported as `collective-ledger import` does (checked, then one transaction)
 * into PGlite on a directory and into the server, then replayed from each into
 * the income tiers report, checked against the generator's exact sums.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import {
  DEFAULT_THRESHOLDS,
  InMemoryEventStore,
  coreCatalog,
  importLedger,
  incomeTiers,
  incomeTiersProjection,
  organization,
  runProjection,
  writeLedger,
  type EventStore,
} from '@collective-ledger/core';
import { openPgliteStore, openPostgresStore, postgresUrlFrom, type PostgresEventStore } from '@collective-ledger/postgres';
import { YEAR, appendVouchers, townshipId, villageId, type Expected } from './ledger-district.js';
import { peakRssMiB, rate, timed } from './measure.js';

const VILLAGES = Number(process.env['BENCH_VILLAGES'] ?? 1_000);
const VOUCHERS = Number(process.env['BENCH_VOUCHERS'] ?? 1_000);
const TOWNSHIPS = 10;

/** The district registered through the organization service, then its vouchers; written to `path`. */
const writeDistrict = async (path: string): Promise<{ expected: Expected; events: number }> => {
  const store = new InMemoryEventStore();
  const context = { store, catalog: coreCatalog };
  let n = 0;
  const one = async (input: organization.RegisterOrganizationInput): Promise<void> => {
    const result = await organization.registerOrganization(context, { commandId: `r-${(n += 1)}`, actor: 'bench', occurredOn: `${YEAR}-01-01`, input });
    if (result._tag === 'Left') throw new Error(result.left.message);
  };
  await one({ organizationId: 'd', kind: 'district', code: '1', name: '基准区' });
  for (let t = 0; t < TOWNSHIPS; t += 1) await one({ organizationId: townshipId(t), kind: 'township', code: `1${t}`, name: `第${t + 1}镇`, parentId: 'd' });
  for (let v = 0; v < VILLAGES; v += 1) {
    await one({ organizationId: villageId(v), kind: 'village', code: villageId(v), name: `第${v + 1}村`, parentId: townshipId(v % TOWNSHIPS) });
  }
  const expected = await appendVouchers(store, { villages: VILLAGES, vouchers: VOUCHERS, batch: 100 });
  const out = createWriteStream(path);
  for await (const line of writeLedger(store.readAll())) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return { expected, events: store.size };
};

const replayTiers = async (store: EventStore, expected: Expected): Promise<string> => {
  const { state } = await runProjection(store, coreCatalog, incomeTiersProjection(YEAR));
  const tiers = incomeTiers(state, { year: YEAR, basis: 'operating', thresholds: DEFAULT_THRESHOLDS });
  if (tiers.district.villages !== VILLAGES || tiers.district.income.toFen() !== expected.operatingFen) {
    throw new Error(`replayed ${tiers.district.villages} villages, income ${tiers.district.income.toString()}; expected ${expected.operatingFen} fen`);
  }
  return tiers.district.income.toString();
};

const importAndReplay = async (store: PostgresEventStore, file: string, expected: Expected) => {
  try {
    const imported = await timed(() => importLedger(store, () => createReadStream(file), coreCatalog));
    if (!imported.value.atomic) throw new Error('the import was not one transaction');
    const replay = await timed(() => replayTiers(store, expected));
    return { events: imported.value.events, importSeconds: imported.seconds, replaySeconds: replay.seconds, income: replay.value };
  } finally {
    await store.close();
  }
};

const main = async (): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-bench-'));
  const schema = `cl_bench_import_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  try {
    const file = join(dir, 'district.ndjson');
    const { expected, events } = await writeDistrict(file);
    process.stderr.write(`postgres-import: ${events} events written to ${file}; importing into PGlite...\n`);
    const pglite = await importAndReplay(await openPgliteStore(join(dir, 'pglite')), file, expected);
    process.stderr.write('postgres-import: importing into the server...\n');
    const server = await importAndReplay(await openPostgresStore({ url: postgresUrlFrom(), schema }), file, expected);
    const summary = (r: typeof pglite) => ({ ...r, importPerSecond: rate(r.events, r.importSeconds), replayPerSecond: rate(r.events, r.replaySeconds) });
    const result = { name: 'postgres-import', events, villages: VILLAGES, pglite: summary(pglite), server: summary(server), peakRssMiB: Math.round(peakRssMiB()) };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    const client = new pg.Client({ connectionString: postgresUrlFrom() });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
    await rm(dir, { recursive: true, force: true });
  }
};

void main();
