import { instantOf } from '../../codecs/instant.js';
import type { EventCatalog } from '../../kernel/catalog.js';
import { runProjection, type ProjectionProgress, type ProjectionStart } from '../../kernel/projection.js';
import { modelChoiceOf } from '../../read-models/keys.js';
import type { ReadModelStore } from '../../read-models/port.js';
import { decodeState } from '../../read-models/state-codec.js';
import type { EventStore } from '../../kernel/store.js';
import type { PersonalDataKeys } from '../../personal-data/keys.js';
import { openerFor } from '../../personal-data/reveal.js';
import { optionFlag, REPORT_OPTION_NAMES, ReportOptionError, type AnyReportDefinition, type ReportDefinition, type ReportOptionName } from './definition.js';
import { ledgerStartsProjection, NotOnTheBooksError } from './ledger-starts.js';
import { badDate, badYear, isReportDate, isReportYear, notAnOption, takenBy } from './refusals.js';
import { reports } from './registry.js';

/**
 * Which part of the log a report replays, besides its business date: the
 * books as they stood at a moment or at a position of the log, so that an
 * auditor sees what a signed statement was computed from.
 */
export interface ReplayOptions {
  /** Only events the store recorded strictly before this moment (`recordedAt`), e.g. `2024-03-31T18:00:00+08:00`. */
  readonly recordedBefore?: string;
  /** Only events at or before this global position of the store. */
  readonly toPosition?: bigint;
}

export interface RunReportOptions extends ReplayOptions {
  readonly onProgress?: (progress: ProjectionProgress) => void;
  /** How many events between two progress reports (default 10,000). */
  readonly progressEvery?: number;
  readonly signal?: AbortSignal;
  /**
   * The personal-data key store: a report that shows personal fields opens
   * them with it. Without it they show as sealed; a field whose key was
   * destroyed shows as erased (docs/personal-data.md).
   */
  readonly personalData?: PersonalDataKeys;
  /**
   * Read models (docs/read-models.md): when the report's model is stored,
   * the report starts from it and folds only the events after it, with the
   * same result as a full replay; otherwise it replays. Not used with
   * `recordedBefore` or `toPosition`, which replay the log as it stood.
   */
  readonly readModels?: ReadModelStore;
  /** Told when the report started from a read model: its key, its position and how many events came after it. */
  readonly onReadModel?: (used: { readonly key: string; readonly position: bigint; readonly after: bigint }) => void;
}

const isOptionName = (key: string): key is ReportOptionName => (REPORT_OPTION_NAMES as readonly string[]).includes(key);

/** The reports that take an option, to name where it belongs. */
const takersOf = (option: ReportOptionName): string[] =>
  Object.values(reports)
    .filter((r) => r.options.includes(option))
    .map((r) => r.name);

/** The refusal of an option a report does not take: its own reason, or the reports the option belongs to. */
export const refusalOf = (definition: { readonly name: string; readonly refusals?: Readonly<Partial<Record<ReportOptionName, string>>> }, option: ReportOptionName): string =>
  notAnOption(definition.name, optionFlag(option), definition.refusals?.[option] ?? takenBy(takersOf(option)));

/** The order options not taken are refused in, when several are given. */
const REFUSAL_ORDER: readonly ReportOptionName[] = ['from', 'basis', 'thresholds', 'since', 'withinDays', 'minPricePerMu', 'minPricePerM2', 'township', 'year', 'asOf', 'village', 'lang'];

/** Refuse the first option given (in a fixed order) that the report does not take. Throws `ReportOptionError`. */
export const refuseOptionsNotTaken = (
  definition: { readonly name: string; readonly options: readonly ReportOptionName[]; readonly refusals?: Readonly<Partial<Record<ReportOptionName, string>>> },
  given: readonly string[],
): void => {
  const unknown = given.find((key) => !isOptionName(key));
  if (unknown !== undefined) throw new ReportOptionError(notAnOption(definition.name, unknown, takenBy([])));
  const refused = REFUSAL_ORDER.find((option) => given.includes(option) && !definition.options.includes(option));
  if (refused !== undefined) throw new ReportOptionError(refusalOf(definition, refused));
};

const DATE_OPTIONS: readonly ReportOptionName[] = ['asOf', 'from', 'since'];

/** Every report's year and dates within `REPORT_YEARS`, and a village or township a non-empty id. Throws `ReportOptionError`. */
export const checkOptionValues = (options: Readonly<Partial<Record<ReportOptionName, unknown>>>): void => {
  if (options.year !== undefined && !isReportYear(options.year)) throw new ReportOptionError(badYear('--year', options.year));
  const date = DATE_OPTIONS.find((name) => options[name] !== undefined && !isReportDate(options[name]));
  if (date !== undefined) throw new ReportOptionError(badDate(optionFlag(date), options[date]));
  const scope = (['village', 'township'] as const).find((name) => options[name] !== undefined && (typeof options[name] !== 'string' || options[name] === ''));
  if (scope !== undefined) throw new ReportOptionError(`--${scope}: expected an organization id, got ${JSON.stringify(options[scope])}`);
};

/** Refuse the options the report does not take, then run its own checks. Throws `ReportOptionError`. */
export const checkReportOptions = <Options>(
  definition: Pick<ReportDefinition<Options, unknown, unknown, unknown>, 'name' | 'options' | 'refusals' | 'check'>,
  options: Options,
): void => {
  refuseOptionsNotTaken(
    definition,
    Object.entries(options as Record<string, unknown>)
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key),
  );
  checkOptionValues(options as Readonly<Partial<Record<ReportOptionName, unknown>>>);
  definition.check(options);
};

const RUN_KEYS: readonly string[] = ['onProgress', 'progressEvery', 'signal', 'recordedBefore', 'toPosition', 'personalData', 'readModels', 'onReadModel'];

/** A value given in code as the message shows it: `5n`, `"yesterday"`, `5`. */
const describeValue = (value: unknown): string => (typeof value === 'bigint' ? `${value}n` : JSON.stringify(value));

/** The replay options checked, named as the command line spells them. Throws `ReportOptionError`. */
export const checkReplayOptions = (options: ReplayOptions): void => {
  const { recordedBefore, toPosition } = options as { readonly recordedBefore?: unknown; readonly toPosition?: unknown };
  if (recordedBefore !== undefined && (typeof recordedBefore !== 'string' || instantOf(recordedBefore) === undefined)) {
    throw new ReportOptionError(
      `--recorded-before: expected a timestamp YYYY-MM-DDTHH:mm:ss[.sss] with a zone (Z or +08:00), e.g. 2024-03-31T18:00:00+08:00, got ${describeValue(recordedBefore)}`,
    );
  }
  if (toPosition !== undefined && (typeof toPosition !== 'bigint' || toPosition < 0n)) {
    throw new ReportOptionError(`--to-position: expected a global position, a bigint 0 or more, got ${describeValue(toPosition)}`);
  }
};

/** What `runProjection` is told about which events to replay. */
const replayOf = (asOf: string | undefined, options: ReplayOptions) => ({
  ...(asOf === undefined ? {} : { asOf }),
  ...(options.recordedBefore === undefined ? {} : { recordedBefore: options.recordedBefore }),
  ...(options.toPosition === undefined ? {} : { toPosition: options.toPosition }),
});

/** The report's options without how to run it. */
const reportOptionsOf = <Options>(options: Options & RunReportOptions): Options =>
  Object.fromEntries(Object.entries(options).filter(([key]) => !RUN_KEYS.includes(key))) as Options;

/** The report's stored read model to start from, when there is one of this code's version. */
const modelStart = async <State>(
  definition: AnyReportDefinition,
  options: unknown,
  catalog: EventCatalog,
  run: RunReportOptions,
): Promise<(ProjectionStart<State> & { readonly key: string }) | undefined> => {
  if (run.readModels === undefined || run.recordedBefore !== undefined || run.toPosition !== undefined) return undefined;
  const choice = modelChoiceOf(definition, options as Record<string, unknown>, catalog);
  const stored = await run.readModels.load(choice.key);
  if (stored?.state === undefined || stored.version !== choice.version) return undefined;
  return { key: choice.key, state: decodeState(stored.state) as State, position: stored.position };
};

/** The report's state: from its read model and the events after it when there is one, else replayed from the first event. */
const replayed = async <Options, State, Result>(
  { store, catalog }: { readonly store: EventStore; readonly catalog: EventCatalog },
  definition: ReportDefinition<Options, State, Result, unknown>,
  reportOptions: Options,
  options: RunReportOptions,
): Promise<{ readonly state: State }> => {
  const start = await modelStart<State>(definition as AnyReportDefinition, reportOptions, catalog, options);
  const run = await runProjection(store, catalog, definition.projection(reportOptions, catalog), {
    ...replayOf(definition.replayAsOf(reportOptions), options),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress, progressEvery: options.progressEvery ?? 10_000 }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(start === undefined ? {} : { start }),
  });
  if (start !== undefined) options.onReadModel?.({ key: start.key, position: start.position, after: run.read });
  return run;
};

/**
 * Check the options, replay the store through the report's projection (up to
 * its date) and compute its result: the figures, with `Money` for renderers.
 * `options` may also say which part of the log to replay (`recordedBefore`,
 * `toPosition`) and how to run it (progress, an abort signal).
 */
export const reportResult = async <Options, State, Result>(
  store: EventStore,
  catalog: EventCatalog,
  definition: ReportDefinition<Options, State, Result, unknown>,
  options: Options & RunReportOptions,
): Promise<Result> => {
  const reportOptions = reportOptionsOf(options);
  checkReportOptions(definition, reportOptions);
  checkReplayOptions(options);
  const asOf = definition.replayAsOf(reportOptions);
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  const { state } = await replayed({ store, catalog }, definition, reportOptions, options);
  const fields = definition.personalFields?.(state, reportOptions) ?? [];
  const open = await openerFor(options.personalData, fields);
  try {
    return definition.result(state, reportOptions, open);
  } catch (error) {
    if (!(error instanceof NotOnTheBooksError) || asOf === undefined) throw error;
    // What the books lack on the report's date may begin later: one more pass, past that date, to say so.
    const { state: starts } = await runProjection(store, catalog, ledgerStartsProjection(catalog), { ...replayOf(undefined, options), ...signal });
    throw new ReportOptionError(error.explain(starts, asOf) ?? error.message, { cause: error });
  }
};

/**
 * Run a report and return its JSON value: `JSON.stringify(json, null, 2)`
 * plus a line end (`reportJsonText`) is what `collective-ledger report <name>
 * --format json` prints, byte for byte.
 */
export const runReport = async <Options, State, Result, Json>(
  store: EventStore,
  catalog: EventCatalog,
  definition: ReportDefinition<Options, State, Result, Json>,
  options: Options & RunReportOptions,
): Promise<Json> => definition.toJson(await reportResult(store, catalog, definition, options), reportOptionsOf(options));

/** A report's JSON as text: pretty, two spaces, with a final line end. */
export const reportJsonText = (json: unknown): string => `${JSON.stringify(json, null, 2)}\n`;
