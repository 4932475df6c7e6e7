import { byKey, renderCsv, renderJson, renderTable, type Table } from './render.js';
import { defineReport, type ReportOptions } from './report.js';
import { refusePeriodStart, refuseSince } from './statement-options.js';

/** Event counts, in total, by event type and by organization. */
export interface EventCounts {
  total: number;
  readonly byType: Map<string, number>;
  readonly byOrganization: Map<string, number>;
}

const bump = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

const tableOf = (state: EventCounts): Table => ({
  columns: ['by', 'key', 'events'],
  numeric: ['events'],
  rows: [
    ...byKey(state.byType).map(([type, n]) => ['type', type, String(n)]),
    ...byKey(state.byOrganization).map(([organization, n]) => ['organization', organization, String(n)]),
    ['total', '', String(state.total)],
  ],
});

/** JSON keys, in this order: report, asOf, village, total, byType[{type, events}], byOrganization[{organization, events}]. */
const jsonOf = (state: EventCounts, options: ReportOptions) => ({
  report: 'events',
  asOf: options.asOf ?? null,
  village: options.village ?? null,
  total: state.total,
  byType: byKey(state.byType).map(([type, events]) => ({ type, events })),
  byOrganization: byKey(state.byOrganization).map(([organization, events]) => ({ organization, events })),
});

/**
 * `events`: how many events the ledger holds, by type and by organization (the
 * organization each event belongs to, as its catalog entry says). `--village`
 * keeps one organization's events, `--as-of` those up to a business date.
 */
export const eventsReport = defineReport<EventCounts>({
  name: 'events',
  description: 'event counts by type and by organization',
  checkOptions: (options) => {
    refusePeriodStart('events', options, 'counts events up to a date: give --as-of');
    refuseSince('events', options);
  },
  projection: ({ catalog, options }) => ({
    name: 'events',
    init: () => ({ total: 0, byType: new Map(), byOrganization: new Map() }),
    // The state is created by init() for this run only, so counting in place is safe and keeps a replay linear.
    apply: (state, decoded) => {
      const organization = catalog.organizationOf(decoded.event);
      if (options.village !== undefined && organization !== options.village) return state;
      state.total += 1;
      bump(state.byType, decoded.event.type);
      bump(state.byOrganization, organization);
      return state;
    },
  }),
  render: {
    table: (state) => renderTable(tableOf(state)),
    csv: (state) => renderCsv(tableOf(state)),
    json: (state, options) => renderJson(jsonOf(state, options)),
  },
});
