import { eventsReport } from './events.js';
import type { Report } from './report.js';

export { defineReport, REPORT_FORMATS } from './report.js';
export type { Report, ReportContext, ReportDefinition, ReportFormat, ReportOptions, RunReportOptions } from './report.js';
export { renderCsv, renderJson, renderTable, type Table } from './render.js';
export { eventsReport, type EventCounts } from './events.js';

/** Every report the CLI knows, by name. Add a report here to make `report <name>` find it. */
export const reports: ReadonlyMap<string, Report> = new Map([eventsReport].map((report) => [report.name, report]));

export const findReport = (name: string): Report | undefined => reports.get(name);
