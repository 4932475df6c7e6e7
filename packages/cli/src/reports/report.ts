import {
  REPORT_OPTION_NAMES,
  refuseOptionsNotTaken,
  reportJsonText,
  reportOptionFromText,
  ReportOptionError,
  reportResult,
  type EventCatalog,
  type EventStore,
  type PersonalDataKeys,
  type ProjectionProgress,
  type ReportDefinition,
  type ReportLanguage,
  type ReportOptionName,
  type ReplayOptions,
  type ReadModelSpec,
  type ReadModelStore,
} from '@collective-ledger/core';
import { UsageError } from '../errors.js';

export { REPORT_LANGUAGES, type ReportLanguage } from '@collective-ledger/core';

export const REPORT_FORMATS = ['table', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What the user asked for, from the command line; each report takes some of these and refuses the others. */
export interface ReportOptions {
  /** Only events whose business date is on or before this `YYYY-MM-DD`. */
  readonly asOf?: string;
  /** The first day of a statement's period (`YYYY-MM-DD`); the period ends at `asOf` or the end of the year. */
  readonly from?: string;
  /** Only this village (organization id). */
  readonly village?: string;
  /** Only the villages of this township. */
  readonly township?: string;
  /** The fiscal year of a statement or statistic. */
  readonly year?: number;
  /** Labels in Chinese (default) or English. */
  readonly lang: ReportLanguage;
  /** Raw `--basis` (income tiers: `operating` or `total`); the report checks it. */
  readonly basis?: string;
  /** Raw `--thresholds` (income tiers: comma-separated yuan amounts); the report checks it. */
  readonly thresholds?: string;
  /** resource-income: resources a stock-take found on or after this `YYYY-MM-DD` count as newly identified. */
  readonly since?: string;
  /** Raw `--within-days` (warnings: whole days); the report checks it. */
  readonly withinDays?: string;
  /** Raw `--min-price-per-mu` (warnings: yuan per mu a year); the report checks it. */
  readonly minPricePerMu?: string;
  /** Raw `--min-price-per-m2` (warnings: yuan per m² a year); the report checks it. */
  readonly minPricePerM2?: string;
}

export interface RunReportOptions extends ReportOptions, ReplayOptions {
  readonly format: ReportFormat;
  /** Opens the personal fields a report shows (docs/personal-data.md). */
  readonly personalData?: PersonalDataKeys;
  readonly onProgress?: (progress: ProjectionProgress) => void;
  readonly signal?: AbortSignal;
  /** The store's read models: the report starts from its own when it is kept (docs/read-models.md). */
  readonly readModels?: ReadModelStore;
  /** Told when the report started from its read model. */
  readonly onReadModel?: (used: { readonly key: string; readonly position: bigint; readonly after: bigint }) => void;
}

/** A report the command line runs: a core report and how its result is printed. */
export interface Report {
  readonly name: string;
  readonly description: string;
  run(store: EventStore, catalog: EventCatalog, options: RunReportOptions): Promise<string>;
  /** The read model this report reads with these options, to keep it (`collective-ledger project`). */
  modelSpec(options: RunReportOptions): ReadModelSpec;
}

/** How a core report's result is printed as a table and as CSV, in Chinese or English; JSON is the core's. */
export interface ReportRenderers<Result> {
  readonly table: (result: Result, lang: ReportLanguage) => string;
  readonly csv: (result: Result, lang: ReportLanguage) => string;
}

const isOptionName = (key: string): key is ReportOptionName => (REPORT_OPTION_NAMES as readonly string[]).includes(key);

/**
 * The report's options from the command line's: those given, refused unless
 * the report takes them, text parsed to the values the report takes (`--basis`,
 * `--thresholds`), and the language when the report's JSON names it.
 */
const optionsFor = (definition: { readonly name: string; readonly options: readonly ReportOptionName[] }, options: RunReportOptions): Record<string, unknown> => {
  const {
    format: _format,
    onProgress: _onProgress,
    signal: _signal,
    recordedBefore: _recordedBefore,
    toPosition: _toPosition,
    personalData: _keys,
    readModels: _models,
    onReadModel: _onModel,
    lang,
    ...asked
  } = options;
  const given = Object.entries(asked as Record<string, unknown>).filter(([, value]) => value !== undefined);
  refuseOptionsNotTaken(definition, given.map(([key]) => key));
  const typed = Object.fromEntries(given.map(([key, value]) => [key, typeof value === 'string' && isOptionName(key) ? reportOptionFromText(key, value) : value]));
  return definition.options.includes('lang') ? { ...typed, lang } : typed;
};

/** A wrong option is a wrong command line: exit code 2, the same message. */
const asUsageError = (error: unknown): unknown => (error instanceof ReportOptionError ? new UsageError(error.message, { cause: error }) : error);

export const defineReport = <Options, State, Result, Json>(definition: ReportDefinition<Options, State, Result, Json>, render: ReportRenderers<Result>): Report => ({
  name: definition.name,
  description: definition.description,
  modelSpec: (options) => {
    try {
      return { report: definition.name, options: optionsFor(definition, options) };
    } catch (error) {
      throw asUsageError(error);
    }
  },
  run: async (store, catalog, options) => {
    try {
      const reportOptions = optionsFor(definition, options) as Options;
      const result = await reportResult(store, catalog, definition, {
        ...reportOptions,
        ...(options.recordedBefore === undefined ? {} : { recordedBefore: options.recordedBefore }),
        ...(options.toPosition === undefined ? {} : { toPosition: options.toPosition }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.personalData === undefined ? {} : { personalData: options.personalData }),
        ...(options.readModels === undefined ? {} : { readModels: options.readModels }),
        ...(options.onReadModel === undefined ? {} : { onReadModel: options.onReadModel }),
      });
      return options.format === 'json' ? reportJsonText(definition.toJson(result, reportOptions)) : render[options.format](result, options.lang);
    } catch (error) {
      throw asUsageError(error);
    }
  },
});
