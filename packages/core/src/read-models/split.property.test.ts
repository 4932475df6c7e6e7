import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent, RecordedEvent } from '../kernel/event.js';
import { InMemoryEventStore } from '../kernel/memory-store.js';
import { reports, type ReportName } from '../reports/definitions/registry.js';
import { reportJsonText, runReport } from '../reports/definitions/run-report.js';
import type { AnyReportDefinition } from '../reports/definitions/definition.js';
import { handWorkedBooks, reportsCatalog } from '../reports/test-statements.js';
import { InMemoryReadModels } from './memory.js';
import { projectReadModels } from './runner.js';

const asked: readonly (readonly [ReportName, Record<string, unknown>])[] = [
  ['trial-balance', { year: 2023 }],
  ['balance-sheet', { asOf: '2023-06-30' }],
  ['income-tiers', { year: 2023 }],
  ['events', {}],
];

let events: RecordedEvent[] = [];

beforeAll(async () => {
  const books = await handWorkedBooks({ close: true });
  events = [];
  for await (const event of books.store.readAll()) events.push(event);
});

const asNew = (event: RecordedEvent): NewEvent => ({ type: event.type, data: event.data, metadata: { ...event.metadata } });

/** The first `count` events appended again, stream by stream in their order. */
const appendEvents = async (store: InMemoryEventStore, from: number, to: number): Promise<void> => {
  for (const event of events.slice(from, to)) await store.append(event.streamId, [asNew(event)]);
};

const text = async (store: InMemoryEventStore, [name, options]: (typeof asked)[number], readModels?: InMemoryReadModels) =>
  reportJsonText(await runReport(store, reportsCatalog, reports[name] as AnyReportDefinition, { ...options, ...(readModels === undefined ? {} : { readModels }) }));

describe('a read model built at any point of the log, then caught up by the report or by the runner', () => {
  it('gives the figures of a full replay, whatever the point and the batch size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 9 }), async (a, b, batchSize) => {
        const [first, second] = [a % (events.length + 1), b % (events.length + 1)].sort((x, y) => x - y) as [number, number];
        const store = new InMemoryEventStore();
        const readModels = new InMemoryReadModels();
        await appendEvents(store, 0, first);
        await projectReadModels(store, reportsCatalog, readModels, { register: asked.map(([report, options]) => ({ report, options })), batchSize });
        await appendEvents(store, first, second);
        for (const a of asked) expect(await text(store, a, readModels)).toBe(await text(store, a));
        await projectReadModels(store, reportsCatalog, readModels, { batchSize });
        await appendEvents(store, second, events.length);
        for (const a of asked) expect(await text(store, a, readModels)).toBe(await text(store, a));
      }),
      { numRuns: 25 },
    );
  });
});
