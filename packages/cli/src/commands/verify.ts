import { parseArgs } from 'node:util';
import { parseSeal, readAllInBatches, verifyEvents, type EventStore, type Finding, type RecordedEvent, type Verification } from '@collective-ledger/core';
import { expectPositionals, parseOrExplain, required } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors.js';
import { writeOut } from '../io.js';
import { ledgerFileEvents } from '../ledger-file-events.js';
import { progressOn } from '../progress.js';
import { renderJson, renderTable } from '../reports/render.js';
import { ledgerFileOf, openStore } from '../stores.js';
import { warnOn, type Command, type CommandContext } from './command.js';

const usage = `Usage: collective-ledger verify --store <store> [--seal <seal>] [--format table|json] [--progress]

Check every event of the store in the order it was recorded:
- the hash chain of every stream: an event changed, removed, inserted or moved
  breaks it (docs/tamper-evidence.md);
- the rules of the books: each event must be what its command would decide
  from the books as they stood (a voucher in an open year, its number free,
  its accounts in the village's chart, debits equal to credits, cash never
  overdrawn), a generated voucher must post what its register's events imply,
  a close must be the close of its year's vouchers, nothing may follow a
  close, every event must be on the stream of its village and year; gaps in
  voucher numbers (断号) are warnings;
- with --seal, a seal printed by \`collective-ledger seal\`: the books up to it
  must be unchanged (they may only have grown since).

Prints every finding (severity, stream, position, global position or line,
event, rule, what was found), then the books' seal and a summary. Exit codes:
0 nothing found, 1 something is broken, 3 warnings only.

Options:
  --store <store>      the store to verify: an .ndjson file, a PGlite directory or a postgres:// URL
  --seal <seal>        a seal taken earlier: <events>:sha256:<hex>
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

const sealOf = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const seal = parseSeal(value);
  if (seal === undefined) throw new UsageError(`--seal must be a seal as collective-ledger seal prints it, <events>:sha256:<64 hex digits>, got "${value}"`);
  return seal;
};

const position = (value: bigint | undefined): number | null => (value === undefined ? null : Number(value));

const json = (result: Verification) => ({
  report: 'verify',
  events: result.events,
  streams: result.streams,
  unsealed: result.seal.unsealed,
  seal: result.seal.token,
  sealGiven: result.sealed === undefined ? null : { events: result.sealed.events, root: result.sealed.root, unchanged: result.sealed.unchanged, since: result.sealed.since },
  errors: result.errors,
  warnings: result.warnings,
  findings: result.findings.map((f: Finding) => ({
    severity: f.severity,
    streamId: f.streamId,
    streamPosition: position(f.streamPosition),
    globalPosition: position(f.globalPosition),
    eventId: f.eventId ?? null,
    type: f.type ?? null,
    rule: f.rule,
    message: f.message,
  })),
});

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const table = (result: Verification): string => {
  const cell = (value: bigint | undefined): string => (value === undefined ? '' : String(value));
  const rows = result.findings.map((f) => [f.severity, f.streamId, cell(f.streamPosition), cell(f.globalPosition), f.type ?? '', f.rule, f.message]);
  const findings = rows.length === 0 ? '' : renderTable({ columns: ['severity', 'stream', 'position', 'global', 'event', 'rule', 'found'], numeric: ['position', 'global'], rows });
  const given = result.sealed;
  const sealLine =
    given === undefined ? '' : given.unchanged ? `the books up to the seal (${plural(given.events, 'event')}) are unchanged; ${plural(given.since, 'event')} recorded since\n` : '';
  const unsealed = result.seal.unsealed === 0 ? '' : ` (${plural(result.seal.unsealed, 'event')} stored before hashes, unsealed)`;
  return (
    findings +
    sealLine +
    `seal: ${result.seal.token}${unsealed}\n` +
    `${plural(result.events, 'event')} in ${plural(result.streams, 'stream')}: ${plural(result.errors, 'rule')} broken, ${plural(result.warnings, 'warning')}\n`
  );
};

/** The store's events in recorded order: a ledger file read line by line (so a broken one is still read through), any other store as it replays. */
export const eventsOf = async (spec: string, context: CommandContext): Promise<{ batches: AsyncIterable<readonly RecordedEvent[]>; close: () => Promise<void> }> => {
  const file = await ledgerFileOf(spec);
  if (file !== undefined) return { batches: ledgerFileEvents(file, context.catalog), close: () => Promise.resolve() };
  const store: EventStore = await openStore(spec, { onWarning: warnOn(context) });
  return { batches: readAllInBatches(store), close: () => store.close() };
};

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check a store: every stream\'s hash chain, the rules of the books, a seal',
  usage,
  async run(args, context) {
    const { values, positionals } = parseOrExplain('verify', () =>
      parseArgs({
        args: [...args],
        options: { store: { type: 'string' }, seal: { type: 'string' }, format: { type: 'string' }, progress: { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
      }),
    );
    expectPositionals('verify', positionals, []);
    const storeSpec = required('verify', 'store', values.store);
    const format = formatOf(values.format);
    const seal = sealOf(values.seal);
    const { batches, close } = await eventsOf(storeSpec, context);
    const progress = progressOn(context.io.stderr, values.progress === true);
    try {
      const result = await verifyEvents(batches, {
        catalog: context.catalog,
        ...(seal === undefined ? {} : { seal }),
        ...(context.io.signal === undefined ? {} : { signal: context.io.signal }),
        onProgress: (events) => {
          progress.update(`verifying: ${events} events`);
        },
      });
      progress.done();
      await writeOut(context.io.stdout, format === 'json' ? renderJson(json(result)) : table(result), context.io.signal);
      return result.errors > 0 ? EXIT_FAILURE : result.warnings > 0 ? EXIT_WARNINGS : EXIT_OK;
    } finally {
      progress.done();
      await close();
    }
  },
};
