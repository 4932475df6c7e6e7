import type { EventCatalog } from '../../kernel/catalog.js';
import type { Projection } from '../../kernel/projection.js';
import type { Opener } from '../../personal-data/reveal.js';
import type { PersonalText } from '../../personal-data/sealed-field.js';

export const REPORT_LANGUAGES = ['zh', 'en'] as const;
/** The language of a report's names and labels: Chinese (the default) or English. */
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/**
 * Every option a report may take. A report lists those it takes; the others
 * are refused, naming the option as the command line spells it (`asOf` is
 * `--as-of`).
 */
export const REPORT_OPTION_NAMES = ['asOf', 'from', 'since', 'year', 'village', 'township', 'lang', 'basis', 'thresholds', 'withinDays', 'minPricePerMu', 'minPricePerM2'] as const;
export type ReportOptionName = (typeof REPORT_OPTION_NAMES)[number];

/** `asOf` → `--as-of`. */
export const optionFlag = (name: ReportOptionName): string => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Options a report cannot answer: one it does not take, one missing or out of
 * range, or one naming what the ledger does not hold (a village not
 * registered, a year with no dividends). The message names the option.
 */
export class ReportOptionError extends Error {
  override readonly name = 'ReportOptionError';
}

/**
 * A report: its options, the projection it replays, the result it computes
 * from the final state and that result as JSON, with keys in a fixed order
 * (docs/reports.md). `Result` keeps money as `Money` for renderers; the JSON
 * keeps it as decimal strings.
 */
export interface ReportDefinition<Options, State, Result, Json> {
  readonly name: string;
  /** One line for a list of reports. */
  readonly description: string;
  /** The options it takes; any other is refused. */
  readonly options: readonly ReportOptionName[];
  /** Why it refuses an option other reports take, the end of `--<option> is not an option of <report>: <reason>`. */
  readonly refusals?: Readonly<Partial<Record<ReportOptionName, string>>>;
  /**
   * The options its projection reads (the others only shape the result): a
   * read model is kept for each choice of these. Default: every option it
   * takes but `lang`.
   */
  readonly modelOptions?: readonly ReportOptionName[];
  /** Checks the options before the store is read; throws a `ReportOptionError` naming the option. */
  readonly check: (options: Options) => void;
  /** The business date to replay up to, when the report has one. */
  readonly replayAsOf: (options: Options) => string | undefined;
  readonly projection: (options: Options, catalog: EventCatalog) => Projection<State>;
  /**
   * The figures, from the final state; throws a `ReportOptionError` for an
   * option the ledger cannot answer. `open` shows the personal fields that
   * `personalFields` named (docs/personal-data.md).
   */
  readonly result: (state: State, options: Options, open: Opener) => Result;
  /** The personal fields the result shows, as recorded: their keys are read at once before `result`. */
  readonly personalFields?: (state: State, options: Options) => Iterable<PersonalText | undefined>;
  readonly toJson: (result: Result, options: Options) => Json;
}

/** A definition whose types are hidden, for a registry of every report. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyReportDefinition = ReportDefinition<any, any, any, unknown>;

export type OptionsOf<D> = D extends ReportDefinition<infer O, infer _S, infer _R, infer _J> ? O : never;
export type ResultOf<D> = D extends ReportDefinition<infer _O, infer _S, infer R, infer _J> ? R : never;
export type JsonOf<D> = D extends ReportDefinition<infer _O, infer _S, infer _R, infer J> ? J : never;

/** Types a definition (its parameters are inferred from the functions). */
export const defineReport = <Options, State, Result, Json>(
  definition: ReportDefinition<Options, State, Result, Json>,
): ReportDefinition<Options, State, Result, Json> => definition;
