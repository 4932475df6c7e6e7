import {
  runProjection,
  type EventCatalog,
  type EventStore,
  type Projection,
  type ProjectionProgress,
} from '@collective-ledger/core';

export const REPORT_FORMATS = ['table', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What the user asked for, from the command line. */
export interface ReportOptions {
  /** Only events whose business date is on or before this `YYYY-MM-DD`. */
  readonly asOf?: string;
  /** Only events of this organization (village) id. */
  readonly village?: string;
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

const reportOptionsOf = (options: RunReportOptions): ReportOptions => ({
  ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  ...(options.village === undefined ? {} : { village: options.village }),
});

export const defineReport = <State>(definition: ReportDefinition<State>): Report => ({
  name: definition.name,
  description: definition.description,
  run: async (store, catalog, options) => {
    const reportOptions = reportOptionsOf(options);
    const { state } = await runProjection(store, catalog, definition.projection({ catalog, options: reportOptions }), {
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress, progressEvery: 10_000 }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return definition.render[options.format](state, reportOptions);
  },
});
