import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { scopedStore, selectEvents, SelectionError, writeLedger, type EventCatalog, type EventStore, type LedgerSelection, type RecordedEvent } from '@collective-ledger/core';
import { dateOf, expectPositionals, joinDashValues, parseOrExplain, required, yearOf } from '../args.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { writeAll } from '../io.js';
import { REPLAY_ARGS, replayOptionsOf } from '../replay-args.js';
import { FileEventStore } from '../file-store.js';
import { openStore } from '../stores.js';
import { warnOn, type Command } from './command.js';

const usage = `Usage: collective-ledger export --store <store> [--out <file.ndjson>] [filters]

Write the events of the store, in global order, as an NDJSON ledger file
(docs/ledger-format.md): to stdout, or to --out. Importing the export into an
empty store and exporting again gives the same bytes.

Options:
  --store <store>      the store to export: an .ndjson file, a PGlite directory or a postgres:// URL
  --out <file>         write to this file instead of stdout (replaced only once complete)
  -h, --help           show this help

Filters (each keeps only what it says; given together, an event must pass all):
  --village <id>       the village's events, and the registrations of its township and district,
                       read through a store scoped to the village
  --year <year>        the fiscal years up to this one: later ledger-<village>-<year> streams are left out
  --as-of <date>       events whose business date is on or before YYYY-MM-DD
  --recorded-before <timestamp>
                       events the store recorded before this moment, e.g. 2024-03-31T18:00:00+08:00
  --to-position <n>    events at or before this global position of the store
`;

/** Write to a temporary file beside `out`, then rename: a failed export never leaves half a file. */
const exportToFile = async (events: AsyncIterable<RecordedEvent>, out: string, signal?: AbortSignal): Promise<number> => {
  const temporary = `${out}.tmp-${process.pid}`;
  const stream = createWriteStream(temporary, { flags: 'wx' });
  try {
    const count = await writeAll(stream, writeLedger(events), signal);
    stream.end();
    await finished(stream);
    await rename(temporary, out);
    return count;
  } catch (error) {
    stream.destroy();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
};

const EXPORT_ARGS = { store: { type: 'string' }, out: { type: 'string' }, village: { type: 'string' }, year: { type: 'string' }, 'as-of': { type: 'string' }, ...REPLAY_ARGS } as const;

type Values = Readonly<Partial<Record<'village' | 'year' | 'as-of' | 'recorded-before' | 'to-position', string>>>;

/** The filters given, checked; empty when none is. */
const selectionOf = (values: Values): LedgerSelection => {
  const year = yearOf(values.year);
  const asOf = dateOf('as-of', values['as-of']);
  if (values.village === '') throw new UsageError('--village needs an organization id');
  return {
    ...(values.village === undefined ? {} : { village: values.village }),
    ...(year === undefined ? {} : { year }),
    ...(asOf === undefined ? {} : { asOf }),
    ...replayOptionsOf(values),
  };
};

/** Every event, or those the filters keep; a village the store does not hold is a wrong command line. */
async function* eventsOf(store: EventStore, catalog: EventCatalog, selection: LedgerSelection): AsyncIterable<RecordedEvent> {
  if (Object.keys(selection).length === 0) {
    yield* store.readAll();
    return;
  }
  // A village's export reads through a store scoped to it: no other village's event can reach the file.
  const source = selection.village === undefined ? store : scopedStore(store, { organizations: [selection.village] });
  try {
    yield* selectEvents(source, catalog, selection);
  } catch (error) {
    throw error instanceof SelectionError ? new UsageError(error.message, { cause: error }) : error;
  }
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the events of a store (all, or those the filters keep) as an NDJSON ledger file',
  usage,
  async run(args, context) {
    const { values, positionals } = parseOrExplain('export', () =>
      parseArgs({ args: joinDashValues(args, EXPORT_ARGS), options: EXPORT_ARGS, allowPositionals: true, strict: true }),
    );
    expectPositionals('export', positionals, []);
    const storeSpec = required('export', 'store', values.store);
    if (values.out !== undefined && resolve(values.out) === resolve(storeSpec)) {
      throw new UsageError('--out is the store itself; choose another file');
    }
    const selection = selectionOf(values);
    const store = await openStore(storeSpec, { onWarning: warnOn(context) });
    try {
      // A file store checks its file at its first use: let a refusal come before the first line is written.
      if (store instanceof FileEventStore) await store.load();
      const events = eventsOf(store, context.catalog, selection);
      if (values.out === undefined) {
        await writeAll(context.io.stdout, writeLedger(events), context.io.signal);
      } else {
        const count = await exportToFile(events, values.out, context.io.signal);
        context.io.stderr.write(`exported ${count} events to ${values.out}\n`);
      }
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
