import {
  runProjection,
  type EventCatalog,
  type EventStore,
  type Projection,
  type ProjectionProgress,
} from '@collective-ledger/core';

export const REPORT_FORMATS = ['table', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_LANGUAGES = ['zh', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** What the user asked for, from the command line. Each report reads the options it knows. */
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
}

export interface ReportContext {
  readonly catalog: EventCatalog;
  readonly options: ReportOptions;
}

/**
 * A report: a projection over the store and a renderer per format. Renderers
 * get the final state and the options, and return the whole output text.
 */
export interface ReportDefinition<State> {
  readonly name: string;
  /** One line for `report --help`. */
  readonly description: string;
  readonly projection: (context: ReportContext) => Projection<State>;
  /** The business date to replay up to, when the report derives it (e.g. the end of `--year`); else `--as-of`. */
  readonly replayAsOf?: (options: ReportOptions) => string | undefined;
  /** Check the options before the store is read; throw a UsageError naming the option. */
  readonly checkOptions?: (options: ReportOptions) => void;
  readonly render: Readonly<Record<ReportFormat, (state: State, options: ReportOptions) => string>>;
}

export interface RunReportOptions extends ReportOptions {
  readonly format: ReportFormat;
  readonly onProgress?: (progress: ProjectionProgress) => void;
  readonly signal?: AbortSignal;
}

/** A report whose state type is hidden, so reports of any state live in one registry. */
export interface Report {
  readonly name: string;
  readonly description: string;
  run(store: EventStore, catalog: EventCatalog, options: RunReportOptions): Promise<string>;
}

const reportOptionsOf = ({ format: _format, onProgress: _onProgress, signal: _signal, ...options }: RunReportOptions): ReportOptions =>
  options;

export const defineReport = <State>(definition: ReportDefinition<State>): Report => ({
  name: definition.name,
  description: definition.description,
  run: async (store, catalog, options) => {
    const reportOptions = reportOptionsOf(options);
    definition.checkOptions?.(reportOptions);
    const asOf = definition.replayAsOf === undefined ? options.asOf : definition.replayAsOf(reportOptions);
    const { state } = await runProjection(store, catalog, definition.projection({ catalog, options: reportOptions }), {
      ...(asOf === undefined ? {} : { asOf }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress, progressEvery: 10_000 }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return definition.render[options.format](state, reportOptions);
  },
});
