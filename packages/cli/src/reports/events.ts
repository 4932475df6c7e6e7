import { byKey, eventsReport as eventsDefinition, type EventCounts } from '@collective-ledger/core';
import { renderCsv, renderTable, type Table } from './render.js';
import { defineReport } from './report.js';

export type { EventCounts } from '@collective-ledger/core';

const tableOf = (counts: EventCounts): Table => ({
  columns: ['by', 'key', 'events'],
  numeric: ['events'],
  rows: [
    ...byKey(counts.byType).map(([type, n]) => ['type', type, String(n)]),
    ...byKey(counts.byOrganization).map(([organization, n]) => ['organization', organization, String(n)]),
    ['total', '', String(counts.total)],
  ],
});

/**
 * `events`: how many events the ledger holds, by type and by organization (the
 * organization each event belongs to, as its catalog entry says). `--village`
 * keeps one organization's events, `--as-of` those up to a business date.
 */
export const eventsReport = defineReport(eventsDefinition, {
  table: (counts) => renderTable(tableOf(counts)),
  csv: (counts) => renderCsv(tableOf(counts)),
});
