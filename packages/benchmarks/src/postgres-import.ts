/**
 * PostgreSQL import benchmark: the ledger benchmark's district (1,000 villages,
 * 1,000 vouchers each: a million events) written as an NDJSON ledger file,
 * verified from the file (chains and the rules of the books), imported as
 * `collective-ledger import` does (every line checked by the rules, then one
 * transaction) into PGlite on a directory and into the server, then replayed
 * from each into the income tiers report, checked against the generator's
 * exact sums, and verified from each.
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
  booksRules,
  coreCatalog,
  importLedger,
  readLedger,
  verifyEvents,
  verifyStore,
  type RecordedEvent,
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

/** The ledger file's events as a file store gives them: positions counted per stream, the line as global position. */
async function* fileBatches(file: string): AsyncIterable<readonly RecordedEvent[]> {
  const positions = new Map<string, bigint>();
  let batch: RecordedEvent[] = [];
  for await (const entry of readLedger(createReadStream(file), coreCatalog)) {
    const streamPosition = positions.get(entry.streamId) ?? 0n;
    positions.set(entry.streamId, streamPosition + 1n);
    batch.push({ streamId: entry.streamId, streamPosition, globalPosition: BigInt(entry.lineNumber), ...entry.event, metadata: { ...entry.event.metadata, recordedAt: entry.event.metadata.recordedAt ?? '' } });
    if (batch.length >= 1_000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const replayTiers = async (store: EventStore, expected: Expected): Promise<string> => {
  const { state } = await runProjection(store, coreCatalog, incomeTiersProjection(YEAR));
  const tiers = incomeTiers(state, { year: YEAR, basis: 'operating', thresholds: DEFAULT_THRESHOLDS });
  if (tiers.district.villages !== VILLAGES || tiers.district.income.toFen() !== expected.operatingFen) {
    throw new Error(`replayed ${tiers.district.villages} villages, income ${tiers.district.income.toString()}; expected ${expected.operatingFen} fen`);
  }
  return tiers.district.income.toString();
};

/** verify over a store or a file: every finding would be a broken rule or chain; the district has none. */
const verified = async (run: () => ReturnType<typeof verifyStore>): Promise<{ seconds: number; events: number }> => {
  const { value, seconds } = await timed(run);
  if (value.findings.length > 0) throw new Error(`verify found ${value.findings.length} problems, the first: ${value.findings[0]?.rule ?? ''} ${value.findings[0]?.message ?? ''}`);
  return { seconds, events: value.events };
};

const importAndReplay = async (store: PostgresEventStore, file: string, expected: Expected) => {
  try {
    // As collective-ledger import does: each line checked by the rules of the books, then one transaction.
    const imported = await timed(() => importLedger(store, () => createReadStream(file), coreCatalog, { rules: booksRules() }));
    if (!imported.value.atomic) throw new Error('the import was not one transaction');
    const replay = await timed(() => replayTiers(store, expected));
    const verify = await verified(() => verifyStore(store));
    return { events: imported.value.events, importSeconds: imported.seconds, replaySeconds: replay.seconds, verifySeconds: verify.seconds, income: replay.value };
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
    process.stderr.write(`postgres-import: verifying ${file}...\n`);
    const fileVerify = await verified(() => verifyEvents(fileBatches(file)));
    process.stderr.write(`postgres-import: ${events} events written to ${file}; importing into PGlite...\n`);
    const pglite = await importAndReplay(await openPgliteStore(join(dir, 'pglite')), file, expected);
    process.stderr.write('postgres-import: importing into the server...\n');
    const server = await importAndReplay(await openPostgresStore({ url: postgresUrlFrom(), schema }), file, expected);
    const summary = (r: typeof pglite) => ({ ...r, importPerSecond: rate(r.events, r.importSeconds), replayPerSecond: rate(r.events, r.replaySeconds) });
    const fileVerifyPerSecond = rate(fileVerify.events, fileVerify.seconds);
    const result = { name: 'postgres-import', events, villages: VILLAGES, fileVerifySeconds: fileVerify.seconds, fileVerifyPerSecond, pglite: summary(pglite), server: summary(server), peakRssMiB: Math.round(peakRssMiB()) };
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
