import type { OrganizationKind } from '../../domain/organization/events.js';
import { byCodePoint } from '../../kernel/code-point.js';
import { defineReport } from './definition.js';
import { isRegistration, scopeRefusal } from './ledger-starts.js';

/** Event counts, in total, by event type and by organization. */
export interface EventCounts {
  total: number;
  readonly byType: Map<string, number>;
  readonly byOrganization: Map<string, number>;
}

export interface EventsReportOptions {
  /** Only events whose business date is on or before this `YYYY-MM-DD`. */
  readonly asOf?: string;
  /** Only the events of this village (a registered village). */
  readonly village?: string;
}

/** The counts, and each organization the events name with its kind when registered, to refuse a village the ledger does not hold. */
export interface EventsState {
  readonly counts: EventCounts;
  readonly kinds: Map<string, OrganizationKind | undefined>;
}

/** A village the events up to the report's date name, and that is not registered as something else. */
const checkedVillage = (state: EventsState, village: string | undefined): void => {
  if (village === undefined) return;
  const kind = state.kinds.get(village);
  if (!state.kinds.has(village) || (kind !== undefined && kind !== 'village')) throw scopeRefusal('village', village, kind);
};

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

const UP_TO_A_DATE = 'it counts events up to a date; give --as-of';

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
    township: 'it counts the events of one village (--village) or of all',
  },
  check: (_options: EventsReportOptions) => undefined,
  replayAsOf: (options) => options.asOf,
  projection: (options, catalog) => ({
    name: 'events',
    init: (): EventsState => ({ counts: { total: 0, byType: new Map(), byOrganization: new Map() }, kinds: new Map() }),
    // The state is created by init() for this run only, so counting in place is safe and keeps a replay linear.
    apply: (state: EventsState, decoded) => {
      const organization = catalog.organizationOf(decoded.event);
      if (isRegistration(decoded.event)) state.kinds.set(organization, decoded.event.data.kind);
      else if (!state.kinds.has(organization)) state.kinds.set(organization, undefined);
      if (options.village !== undefined && organization !== options.village) return state;
      state.counts.total += 1;
      bump(state.counts.byType, decoded.event.type);
      bump(state.counts.byOrganization, organization);
      return state;
    },
  }),
  result: (state, options) => {
    checkedVillage(state, options.village);
    return state.counts;
  },
  toJson,
});
