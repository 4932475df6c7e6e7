import { parseArgs } from 'node:util';
import {
  projectReadModels,
  ReadModelsBusyError,
  specChoice,
  type EventStore,
  type ReadModelProgress,
  type ReadModelSpec,
  type ReadModelStore,
  type StoredReadModel,
} from '@collective-ledger/core';
import { expectPositionals, joinDashValues, parseOrExplain, required } from '../args.js';
import { CliError, EXIT_OK, UsageError } from '../errors.js';
import { progressOn } from '../progress.js';
import { findReport, reports } from '../reports/index.js';
import { readModelsOf } from '../store-models.js';
import { describeStore, openStore } from '../stores.js';
import { warnOn, type Command, type CommandContext } from './command.js';
import { REPORT_CHOICE_ARGS, reportChoicesOf } from './report-choices.js';

const usage = (): string => `Usage: collective-ledger project --store <store> [--report <name> [report options]] [--follow]
       collective-ledger project --store <store> --list

Keep the store's read models current. A read model is a report's replayed
state for one choice of its options, kept with the position of the last event
it has seen: a report whose model is kept starts from it and reads only the
events after it, with the same result as a full replay (docs/read-models.md).

With --report, the report's model for the options given (the same options
collective-ledger report takes) is kept from now on. Every model kept is
brought up to the end of the store; with --follow, it is kept there as events
are appended, until interrupted (Ctrl-C). One runner keeps a store's models at
a time. Models are kept beside an .ndjson ledger (<ledger>.models) and in the
database of PGlite and PostgreSQL; an EventStoreDB store keeps none.

Options:
  --store <store>     the store: an .ndjson file, a PGlite directory or a postgres:// URL
  --report <name>     keep this report's read model (reports: ${[...reports.keys()].join(', ')})
  --follow            keep following the store after catching up
  --list              list the models kept, with their positions, and stop
  --forget            with --report and its options: stop keeping that model
  --progress          show progress on stderr even when it is not a terminal
  -h, --help          show this help
`;

const PROJECT_ARGS = {
  store: { type: 'string' },
  report: { type: 'string' },
  follow: { type: 'boolean' },
  list: { type: 'boolean' },
  forget: { type: 'boolean' },
  ...REPORT_CHOICE_ARGS,
  progress: { type: 'boolean' },
} as const;

const listed = (models: readonly StoredReadModel[]): string =>
  models.length === 0 ? 'no read models are kept\n' : models.map((m) => `${m.key}  position ${m.position}${m.state === undefined ? ' (not built yet)' : ''}\n`).join('');

/** Stop keeping a model: it is removed while no runner keeps the models. */
const forget = async (readModels: ReadModelStore, key: string, where: string): Promise<string> => {
  const lease = await readModels.lease();
  if (lease === undefined) throw new ReadModelsBusyError(where);
  try {
    if ((await readModels.load(key)) === undefined) return `not kept: ${key}\n`;
    await readModels.remove(key);
    return `no longer kept: ${key}\n`;
  } finally {
    await lease.release();
  }
};

/** A stop asked for (Ctrl-C) ends a follower cleanly, after its last save. */
const stopOn = (signal: AbortSignal | undefined): AbortController => {
  const controller = new AbortController();
  signal?.addEventListener('abort', () => { controller.abort(); }, { once: true });
  return controller;
};

type ProjectValues = ReturnType<typeof parsed>['values'];

const parsed = (args: readonly string[]) =>
  parseOrExplain('project', () => parseArgs({ args: joinDashValues(args, PROJECT_ARGS), options: PROJECT_ARGS, allowPositionals: true, strict: true }));

/** The model `--report` and its options name, checked; `undefined` without `--report`. */
const specOf = (values: ProjectValues): ReadModelSpec | undefined => {
  const report = values.report === undefined ? undefined : findReport(values.report);
  if (values.report !== undefined && report === undefined) {
    throw new UsageError(`unknown report "${values.report}" (reports: ${[...reports.keys()].join(', ')})`);
  }
  if (values.forget === true && report === undefined) throw new UsageError('project --forget needs --report and the options of the model to forget');
  return report?.modelSpec({ format: 'json', ...reportChoicesOf(values) });
};

/** Catch up (and follow): one line per model kept on stdout; with --follow, each time they are current, on stderr. */
interface Keeping {
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  readonly spec: ReadModelSpec | undefined;
  readonly where: string;
}

const keepModels = async ({ store, readModels, spec, where }: Keeping, values: ProjectValues, context: CommandContext): Promise<void> => {
  const progress = progressOn(context.io.stderr, values.progress === true);
  let announced: bigint | undefined;
  try {
    const run = await projectReadModels(store, context.catalog, readModels, {
      ...(spec === undefined ? {} : { register: [spec] }),
      follow: values.follow === true,
      signal: stopOn(context.io.signal).signal,
      where,
      onProgress: (p: ReadModelProgress) => {
        if (values.follow !== true || !p.caughtUp) progress.update(`read models: ${p.read} events read, at position ${p.position}`);
        else if (p.position !== announced) context.io.stderr.write(`read models current at position ${(announced = p.position)}\n`);
      },
    });
    progress.done();
    for (const model of run.models) context.io.stdout.write(`${model.key}  position ${model.position}${model.rebuilt ? ' (built from the first event)' : ''}\n`);
    for (const key of run.unknown) context.io.stderr.write(`warning: read model ${key} is of a report this version does not have; left as it is\n`);
  } finally {
    progress.done();
  }
};

export const projectCommand: Command = {
  name: 'project',
  summary: 'keep read models current, so reports need not replay the whole store',
  get usage() {
    return usage();
  },
  async run(args, context) {
    const { values, positionals } = parsed(args);
    expectPositionals('project', positionals, []);
    const storeSpec = required('project', 'store', values.store);
    const spec = specOf(values);
    const where = describeStore(storeSpec);
    // Read only: the models are written beside the ledger under their own lock, and writers may append meanwhile.
    const store = await openStore(storeSpec, { readOnly: true, onWarning: warnOn(context) });
    try {
      const readModels = await readModelsOf(storeSpec, store);
      if (readModels === undefined) throw new CliError(`--store: ${where} keeps no read models (EventStoreDB); its reports replay`);
      if (values.list === true) context.io.stdout.write(listed(await readModels.list()));
      else if (values.forget === true && spec !== undefined) context.io.stdout.write(await forget(readModels, specChoice(spec, context.catalog).key, where));
      else await keepModels({ store, readModels, spec, where }, values, context);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
