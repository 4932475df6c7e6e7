import { byCodePoint } from '../../kernel/code-point.js';
import { defineReport } from './definition.js';

/** Event counts, in total, by event type and by organization. */
export interface EventCounts {
  total: number;
  readonly byType: Map<string, number>;
  readonly byOrganization: Map<string, number>;
}

export interface EventsReportOptions {
  /** Only events whose business date is on or before this `YYYY-MM-DD`. */
  readonly asOf?: string;
  /** Only the events of this organization. */
  readonly village?: string;
}

const bump = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/** Sorted by key in code-point order, the same on every machine and locale. */
export const byKey = <T>(entries: Iterable<readonly [string, T]>): [string, T][] =>
  [...entries].sort(([a], [b]) => byCodePoint(a, b)).map(([k, v]) => [k, v]);

/** JSON keys, in this order: report, asOf, village, total, byType[{type, events}], byOrganization[{organization, events}]. */
const toJson = (counts: EventCounts, options: EventsReportOptions) => ({
  report: 'events',
  asOf: options.asOf ?? null,
  village: options.village ?? null,
  total: counts.total,
  byType: byKey(counts.byType).map(([type, events]) => ({ type, events })),
  byOrganization: byKey(counts.byOrganization).map(([organization, events]) => ({ organization, events })),
});

export type EventsJson = ReturnType<typeof toJson>;

const UP_TO_A_DATE = 'events counts events up to a date: give --as-of';

/**
 * `events`: how many events the ledger holds, by type and by organization (the
 * organization each event belongs to, as its catalog entry says). `village`
 * keeps one organization's events, `asOf` those up to a business date.
 */
export const eventsReport = defineReport({
  name: 'events',
  description: 'event counts by type and by organization',
  options: ['asOf', 'village'],
  refusals: {
    from: UP_TO_A_DATE,
    year: UP_TO_A_DATE,
    township: 'events counts the events of one organization (--village) or of all',
  },
  check: (_options: EventsReportOptions) => undefined,
  replayAsOf: (options) => options.asOf,
  projection: (options, catalog) => ({
    name: 'events',
    init: (): EventCounts => ({ total: 0, byType: new Map(), byOrganization: new Map() }),
    // The state is created by init() for this run only, so counting in place is safe and keeps a replay linear.
    apply: (state: EventCounts, decoded) => {
      const organization = catalog.organizationOf(decoded.event);
      if (options.village !== undefined && organization !== options.village) return state;
      state.total += 1;
      bump(state.byType, decoded.event.type);
      bump(state.byOrganization, organization);
      return state;
    },
  }),
  result: (counts) => counts,
  toJson,
});
