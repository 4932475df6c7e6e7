import { parseArgs } from 'node:util';
import { verifyStore, type Finding, type Verification } from '@collective-ledger/core';
import { expectPositionals, parseOrExplain, required } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors.js';
import { writeOut } from '../io.js';
import { progressOn } from '../progress.js';
import { renderJson, renderTable } from '../reports/render.js';
import { openStore } from '../stores.js';
import { warnOn, type Command } from './command.js';

const usage = `Usage: collective-ledger verify --store <store> [--format table|json] [--progress]

Check every event of the store by the rules of the books, in the order they
were recorded: each event must be what its command would decide from the books
as they stood (a voucher in an open year, its number free, its accounts in the
village's chart, debits equal to credits), a generated voucher must post what
its register's events imply, a close must be the close of its year's vouchers,
nothing may follow a close, and every event must be on the stream of its
village and year. Gaps in voucher numbers (断号) are listed as warnings.

Prints every finding (severity, stream, position, rule, what was found) and a
summary line. Exit codes: 0 nothing found, 1 a rule is broken, 3 warnings only.

Options:
  --store <store>      the store to verify: an .ndjson file, a PGlite directory or a postgres:// URL
  --format <format>    table (default) or json
  --progress           show progress on stderr even when it is not a terminal
  -h, --help           show this help
`;

/** Exit code when only warnings were found. */
export const EXIT_WARNINGS = 3;

const formatOf = (value: string | undefined): 'table' | 'json' => {
  if (value === undefined || value === 'table' || value === 'json') return value ?? 'table';
  throw new UsageError(`--format must be table or json for verify, got "${value}"`);
};

const json = (result: Verification) => ({
  report: 'verify',
  events: result.events,
  streams: result.streams,
  errors: result.errors,
  warnings: result.warnings,
  findings: result.findings.map((f: Finding) => ({
    severity: f.severity,
    streamId: f.streamId,
    streamPosition: f.streamPosition === undefined ? null : Number(f.streamPosition),
    eventId: f.eventId ?? null,
    type: f.type ?? null,
    rule: f.rule,
    message: f.message,
  })),
});

const table = (result: Verification): string => {
  const summary = `${result.events} events in ${result.streams} streams: ${result.errors} rule${result.errors === 1 ? '' : 's'} broken, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}\n`;
  if (result.findings.length === 0) return summary;
  const rows = result.findings.map((f) => [f.severity, f.streamId, f.streamPosition === undefined ? '' : String(f.streamPosition), f.type ?? '', f.rule, f.message]);
  return renderTable({ columns: ['severity', 'stream', 'position', 'event', 'rule', 'found'], numeric: ['position'], rows }) + summary;
};

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check every event of a store by the rules of the books',
  usage,
  async run(args, context) {
    const { values, positionals } = parseOrExplain('verify', () =>
      parseArgs({
        args: [...args],
        options: { store: { type: 'string' }, format: { type: 'string' }, progress: { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
      }),
    );
    expectPositionals('verify', positionals, []);
    const storeSpec = required('verify', 'store', values.store);
    const format = formatOf(values.format);
    const store = await openStore(storeSpec, { onWarning: warnOn(context) });
    const progress = progressOn(context.io.stderr, values.progress === true);
    try {
      const result = await verifyStore(store, {
        catalog: context.catalog,
        ...(context.io.signal === undefined ? {} : { signal: context.io.signal }),
        onProgress: (events) => { progress.update(`verifying: ${events} events`); },
      });
      progress.done();
      await writeOut(context.io.stdout, format === 'json' ? renderJson(json(result)) : table(result), context.io.signal);
      return result.errors > 0 ? EXIT_FAILURE : result.warnings > 0 ? EXIT_WARNINGS : EXIT_OK;
    } finally {
      progress.done();
      await store.close();
    }
  },
};
