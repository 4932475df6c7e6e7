import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { writeLedger, type EventStore } from '@collective-ledger/core';
import { expectPositionals, parseOrExplain, required } from '../args.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { writeAll } from '../io.js';
import { openStore } from '../stores.js';
import { warnOn, type Command } from './command.js';

const usage = `Usage: collective-ledger export --store <store> [--out <file.ndjson>]

Write every event of the store, in global order, as an NDJSON ledger file
(docs/ledger-format.md): to stdout, or to --out. Importing the export into an
empty store and exporting again gives the same bytes.

Options:
  --store <store>      the store to export: an .ndjson file, a PGlite directory or a postgres:// URL
  --out <file>         write to this file instead of stdout (replaced only once complete)
  -h, --help           show this help
`;

/** Write to a temporary file beside `out`, then rename: a failed export never leaves half a file. */
const exportToFile = async (store: EventStore, out: string, signal?: AbortSignal): Promise<number> => {
  const temporary = `${out}.tmp-${process.pid}`;
  const stream = createWriteStream(temporary, { flags: 'wx' });
  try {
    const count = await writeAll(stream, writeLedger(store.readAll()), signal);
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

export const exportCommand: Command = {
  name: 'export',
  summary: 'write every event of a store as an NDJSON ledger file',
  usage,
  async run(args, context) {
    const { values, positionals } = parseOrExplain('export', () =>
      parseArgs({
        args: [...args],
        options: { store: { type: 'string' }, out: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      }),
    );
    expectPositionals('export', positionals, []);
    const storeSpec = required('export', 'store', values.store);
    if (values.out !== undefined && resolve(values.out) === resolve(storeSpec)) {
      throw new UsageError('--out is the store itself; choose another file');
    }
    const store = await openStore(storeSpec, { onWarning: warnOn(context) });
    try {
      if (values.out === undefined) {
        await writeAll(context.io.stdout, writeLedger(store.readAll()), context.io.signal);
      } else {
        const count = await exportToFile(store, values.out, context.io.signal);
        context.io.stderr.write(`exported ${count} events to ${values.out}\n`);
      }
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
