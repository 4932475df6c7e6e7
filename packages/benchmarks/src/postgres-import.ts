/**
 * PostgreSQL import benchmark: the ledger benchmark's district (1,000 villages,
 * 1,000 vouchers each: a million events) written as an NDJSON ledger file.
 * In each of several runs: the file verified (chains and the rules of the
 * books) beside the same file only read and decoded; then, into PGlite on a
 * fresh directory and into a fresh schema on the server, the import as
 * `collective-ledger import` does it (every line checked by the rules, then
 * one transaction) beside the import by format and chain alone, each into its
 * own fresh store, taking turns at going first; the checked store is replayed
 * into the income tiers report (checked against the generator's exact sums)
 * and verified.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  DEFAULT_THRESHOLDS,
  booksRules,
  coreCatalog,
  importLedger,
  readLedger,
  verifyEvents,
  verifyStore,
  type RecordedEvent,
  incomeTiers,
  incomeTiersProjection,
  runProjection,
  type EventStore,
} from '@collective-ledger/core';
import { openPgliteStore, openPostgresStore, postgresUrlFrom, type PostgresEventStore } from '@collective-ledger/postgres';
import { writeDistrictFile } from './district-file.js';
import { YEAR, type Expected } from './ledger-district.js';
import { peakRssMiB, timed } from './measure.js';

const VILLAGES = Number(process.env['BENCH_VILLAGES'] ?? 1_000);
const VOUCHERS = Number(process.env['BENCH_VOUCHERS'] ?? 1_000);
const TOWNSHIPS = 10;


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
const verified = async (run: () => ReturnType<typeof verifyStore>): Promise<number> => {
  const { value, seconds } = await timed(run);
  if (value.findings.length > 0) throw new Error(`verify found ${value.findings.length} problems, the first: ${value.findings[0]?.rule ?? ''} ${value.findings[0]?.message ?? ''}`);
  return seconds;
};

/** The file read as verify reads it, every line decoded, with no check: the limit under verify from the file. */
const readSeconds = async (file: string): Promise<number> => {
  const { value, seconds } = await timed(async () => {
    let events = 0;
    for await (const batch of fileBatches(file)) events += batch.length;
    return events;
  });
  if (value === 0) throw new Error(`${file} has no events`);
  return seconds;
};

type Open = () => Promise<{ store: PostgresEventStore; dispose: () => Promise<void> }>;

/**
 * One import of the file into a fresh store: checked as `collective-ledger
 * import` does (the rules of the books), or by format and chain only, as
 * import did before the rules. The checked store is then replayed into the
 * income tiers and verified.
 */
const importOnce = async (open: Open, file: string, expected: Expected, checked: boolean) => {
  const { store, dispose } = await open();
  try {
    const imported = await timed(() => importLedger(store, () => createReadStream(file), coreCatalog, checked ? { rules: booksRules() } : {}));
    if (!imported.value.atomic) throw new Error('the import was not one transaction');
    if (!checked) return { importSeconds: imported.seconds, events: imported.value.events };
    const replay = await timed(() => replayTiers(store, expected));
    const verifySeconds = await verified(() => verifyStore(store));
    return { importSeconds: imported.seconds, events: imported.value.events, replaySeconds: replay.seconds, verifySeconds, income: replay.value };
  } finally {
    await store.close();
    await dispose();
  }
};

interface StoreRun {
  readonly checkedSeconds: number;
  readonly plainSeconds: number;
  readonly replaySeconds: number;
  readonly verifySeconds: number;
}

/** The checked and the format-only import into fresh stores, taking turns at going first, then replay and verify of the checked one. */
const storeRun = async (open: Open, file: string, expected: Expected, checkedFirst: boolean): Promise<StoreRun & { income: string }> => {
  const plain = async (): Promise<number> => (await importOnce(open, file, expected, false)).importSeconds;
  const plainBefore = checkedFirst ? Number.NaN : await plain();
  const run = await importOnce(open, file, expected, true);
  const plainSeconds = checkedFirst ? await plain() : plainBefore;
  return { checkedSeconds: run.importSeconds, plainSeconds, replaySeconds: run.replaySeconds ?? Number.NaN, verifySeconds: run.verifySeconds ?? Number.NaN, income: run.income ?? '' };
};

const pgliteIn = (dir: string): Open => {
  let n = 0;
  return async () => {
    const path = join(dir, `pglite-${(n += 1)}`);
    return { store: await openPgliteStore(path), dispose: () => rm(path, { recursive: true, force: true }) };
  };
};

const serverSchemas = (): Open => async () => {
  const schema = `cl_bench_import_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const dispose = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: postgresUrlFrom() });
    await client.connect();
    try {
      await client.query(`drop schema if exists ${schema} cascade`);
    } finally {
      await client.end();
    }
  };
  return { store: await openPostgresStore({ url: postgresUrlFrom(), schema }), dispose };
};

const RUNS = Number(process.env['BENCH_IMPORT_RUNS'] ?? 3);

const main = async (): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-bench-'));
  try {
    const file = join(dir, 'district.ndjson');
    const { expected, events } = await writeDistrictFile(file, { villages: VILLAGES, vouchers: VOUCHERS, townships: TOWNSHIPS });
    process.stderr.write(`postgres-import: ${events} events written to ${file}\n`);
    const runs: { file: { verifySeconds: number; readSeconds: number }; pglite: StoreRun; server: StoreRun }[] = [];
    let income = '';
    for (let r = 0; r < RUNS; r += 1) {
      const even = r % 2 === 0;
      process.stderr.write(`postgres-import: run ${r + 1} of ${RUNS}: the file...\n`);
      // The file verified and read, taking turns at going first.
      const verifyFirst = even ? await verified(() => verifyEvents(fileBatches(file))) : Number.NaN;
      const read = await readSeconds(file);
      const fileRun = { verifySeconds: even ? verifyFirst : await verified(() => verifyEvents(fileBatches(file))), readSeconds: read };
      process.stderr.write(`postgres-import: run ${r + 1} of ${RUNS}: PGlite...\n`);
      const { income: pgliteIncome, ...pglite } = await storeRun(pgliteIn(dir), file, expected, even);
      process.stderr.write(`postgres-import: run ${r + 1} of ${RUNS}: the server...\n`);
      const { income: serverIncome, ...server } = await storeRun(serverSchemas(), file, expected, !even);
      if (pgliteIncome !== serverIncome) throw new Error(`PGlite replayed ${pgliteIncome}, the server ${serverIncome}`);
      income = serverIncome;
      runs.push({ file: fileRun, pglite, server });
    }
    const result = { name: 'postgres-import', events, villages: VILLAGES, runs, income, peakRssMiB: Math.round(peakRssMiB()) };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

void main();
