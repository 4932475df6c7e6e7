import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { booksRules, importLedger, scopeRules } from '@collective-ledger/core';
import { expectPositionals, parseOrExplain, required } from '../args.js';
import { CliError, EXIT_OK, UsageError } from '../errors.js';
import { progressOn } from '../progress.js';
import { describeStore, openStore } from '../stores.js';
import { warnOn, type Command } from './command.js';

const usage = `Usage: collective-ledger import <file.ndjson> --store <store> [options]

Check every line of <file.ndjson> first: its format, then the rules of the books
(after the events the store already holds: nothing after a year's close, voucher
numbers unique in a year, accounts in the village's chart, generated vouchers
that post what their register's events imply, closes that add up, ...). If any
line is wrong, list the problems (line, field or stream, rule, reason) on stderr,
exit 1 and change nothing. Otherwise add all its events to the store in file
order, all or nothing, and print a summary.

Options:
  --store <store>      the store to import into, created if missing: an .ndjson file,
                       a directory (embedded PGlite) or a postgres:// URL
  --village <id>       import only this village's books: a line on another organization's
                       stream, or naming another organization, is a problem of its line
                       (the registrations of its township and district are allowed)
  --max-errors <n>     problems to list when the file is wrong (default 20)
  --progress           show progress on stderr even when it is not a terminal
  -h, --help           show this help
`;

const maxErrorsOf = (value: string | undefined): number => {
  if (value === undefined) return 20;
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new UsageError(`--max-errors must be a whole number from 1, got "${value}"`);
  return Number(value);
};

const assertReadable = async (file: string): Promise<void> => {
  try {
    await access(file, constants.R_OK);
  } catch {
    throw new CliError(`cannot read ${file}: no such file, or no permission to read it`);
  }
};

export const importCommand: Command = {
  name: 'import',
  summary: 'check a ledger file and add its events to a store, all or nothing',
  usage,
  async run(args, context) {
    const { values, positionals } = parseOrExplain('import', () =>
      parseArgs({
        args: [...args],
        options: { store: { type: 'string' }, village: { type: 'string' }, 'max-errors': { type: 'string' }, progress: { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
      }),
    );
    const [file = ''] = expectPositionals('import', positionals, ['<file.ndjson>']);
    const storeSpec = required('import', 'store', values.store);
    const maxErrors = maxErrorsOf(values['max-errors']);
    if (values.village === '') throw new UsageError('--village needs an organization id');
    const books = booksRules(context.catalog);
    const rules = values.village === undefined ? books : scopeRules({ organizations: [values.village] }, books);
    await assertReadable(file);
    const store = await openStore(storeSpec, { create: true, onWarning: warnOn(context) });
    const progress = progressOn(context.io.stderr, values.progress === true);
    try {
      const result = await importLedger(store, () => createReadStream(file), context.catalog, {
        maxErrors,
        rules,
        ...(context.io.signal === undefined ? {} : { signal: context.io.signal }),
        onProgress: ({ phase, events }) => {
          progress.update(`${phase === 'validate' ? 'checking' : 'importing'}: ${events} events`);
        },
      });
      progress.done();
      context.io.stdout.write(`imported ${result.events} events in ${result.streams} streams into ${describeStore(storeSpec)}\n`);
      return EXIT_OK;
    } finally {
      progress.done();
      await store.close();
    }
  },
};
