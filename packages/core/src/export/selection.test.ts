import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../kernel/event.js';
import { InMemoryEventStore } from '../kernel/memory-store.js';
import { importLedger } from '../kernel/ndjson/import.js';
import { writeLedger } from '../kernel/ndjson/write.js';
import type { EventStore } from '../kernel/store.js';
import type { AnyReportDefinition } from '../reports/definitions/definition.js';
import { reports } from '../reports/definitions/registry.js';
import { runReport } from '../reports/definitions/run-report.js';
import { handWorkedBooks, reportsCatalog, type ReportBooks } from '../reports/test-statements.js';
import { minuteClock } from '../test-support/clock.js';
import { testLand } from '../domain/land/test-land.js';
import { coreCatalog } from '../catalog.js';
import { SelectionError } from './selection-error.js';
import { selectEvents, type LedgerSelection } from './selection.js';

let books: ReportBooks;

beforeAll(async () => {
  books = await handWorkedBooks({ close: true, now: minuteClock() });
});

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const selected = (selection: LedgerSelection) => collect(selectEvents(books.store, reportsCatalog, selection));

/** The selection written as a ledger file and imported into an empty store. */
const imported = async (selection: LedgerSelection): Promise<EventStore> => {
  const text = (await collect(writeLedger(selectEvents(books.store, reportsCatalog, selection)))).join('');
  const store = new InMemoryEventStore();
  await importLedger(store, async function* () {
    yield text;
  }, reportsCatalog);
  return store;
};

const streamsOf = (events: readonly RecordedEvent[]) => [...new Set(events.map((e) => e.streamId))];

const json = (store: EventStore, name: keyof typeof reports, options: object): Promise<unknown> => {
  const definition: AnyReportDefinition = reports[name];
  return runReport(store, reportsCatalog, definition, options);
};

describe('selecting the events of one village', () => {
  it('keeps its own streams and the registrations of its township and district, nothing of other villages', async () => {
    const events = await selected({ village: 'v' });
    expect(streamsOf(events)).toEqual(['organization-d', 'organization-t', 'organization-v', 'chart-v', 'ledger-v-2022', 'ledger-v-2023']);
    const counted = await json(books.store, 'events', { village: 'v' });
    expect(events.length).toBe((counted as { total: number }).total + 2);
  });

  it('imports into an empty store and reports the village as the whole ledger does', async () => {
    const store = await imported({ village: 'v' });
    for (const [name, options] of [
      ['balance-sheet', { year: 2023, village: 'v' }],
      ['trial-balance', { year: 2023, village: 'v', lang: 'en' }],
      ['income-statement', { year: 2022, village: 'v' }],
      ['accounts', { village: 'v' }],
    ] as const) {
      expect(await json(store, name, options)).toStrictEqual(await json(books.store, name, options));
    }
  });

  it('refuses a village that is not registered, or an organization that is not a village', async () => {
    await expect(selected({ village: 'x' })).rejects.toThrow(new SelectionError('--village: no village x is registered'));
    await expect(selected({ village: 't' })).rejects.toThrow(new SelectionError('--village: t is a township, not a village'));
  });
});

describe('selecting fiscal years, dates, moments and positions', () => {
  it('--year keeps the ledger streams of that year and the years before it, and every other stream', async () => {
    const events = await selected({ year: 2022 });
    expect(streamsOf(events).filter((s) => s.startsWith('ledger-'))).toEqual(['ledger-v-2022']);
    expect(streamsOf(events)).toContain('chart-v');
    const store = await imported({ year: 2022 });
    expect(await json(store, 'balance-sheet', { year: 2022 })).toStrictEqual(await json(books.store, 'balance-sheet', { year: 2022 }));
    expect(await selected({ year: 2023 })).toEqual(await selected({}));
  });

  it('--year leaves out the household-income streams of later years, and keeps the land register whole', async () => {
    const l = await testLand();
    await l.ok('contract', { parcelId: 'p1', householdId: 'h1', area: '1', kind: 'paddy', contractedOn: '2022-01-01', contractStartsOn: '2022-01-01', contractEndsOn: '2040-12-31' });
    for (const paidOn of ['2022-06-30', '2023-06-30']) {
      await l.ok('wages', { paymentId: `w-${paidOn}`, memberId: 'm1', householdId: 'h1', employer: { name: '公司', kind: 'company' }, paidOn, amount: '100.00' });
    }
    const streams = streamsOf(await collect(selectEvents(l.store, coreCatalog, { year: 2022 })));
    expect(streams.filter((s) => s.startsWith('household-income-'))).toEqual(['household-income-v-2022']);
    expect(streams).toContain('land-v');
  });

  it('--as-of keeps the events dated on or before it', async () => {
    const events = await selected({ asOf: '2023-03-31' });
    expect(events.every((e) => e.metadata.occurredOn <= '2023-03-31')).toBe(true);
    const store = await imported({ asOf: '2023-03-31' });
    const options = { asOf: '2023-03-31' };
    expect(await json(store, 'trial-balance', options)).toStrictEqual(await json(books.store, 'trial-balance', options));
  });

  it('--to-position and --recorded-before keep a prefix of the log, as a report replays it', async () => {
    const all = await selected({});
    const cut = all[19] as RecordedEvent;
    expect((await selected({ toPosition: cut.globalPosition })).map((e) => e.globalPosition)).toEqual(all.slice(0, 20).map((e) => e.globalPosition));
    expect(await selected({ recordedBefore: cut.metadata.recordedAt })).toEqual(all.slice(0, 19));
    const store = await imported({ toPosition: cut.globalPosition });
    const options = { year: 2023 };
    expect(await json(store, 'trial-balance', options)).toStrictEqual(await json(books.store, 'trial-balance', { ...options, toPosition: cut.globalPosition }));
  });

  it('keeps only what every option given keeps', async () => {
    const events = await selected({ village: 'w', asOf: '2023-03-31', year: 2023 });
    expect(events.map((e) => [e.streamId, e.type])).toEqual([
      ['organization-d', 'OrganizationRegistered'],
      ['organization-t2', 'OrganizationRegistered'],
      ['organization-w', 'OrganizationRegistered'],
      ['ledger-w-2023', 'VoucherPosted'],
    ]);
  });

  it.each([
    [{ year: 23.5 }, '--year: expected a year like 2023, got 23.5'],
    [{ asOf: '2023-02-30' }, '--as-of: expected a date YYYY-MM-DD, got "2023-02-30"'],
    [{ recordedBefore: 'noon' }, '--recorded-before: expected a timestamp YYYY-MM-DDTHH:mm:ss[.sss] with a zone (Z or +08:00), got "noon"'],
    [{ toPosition: -3 }, '--to-position: expected a global position, a bigint 0 or more, got -3'],
    [{ village: '' }, '--village: expected an organization id, got ""'],
  ] as const)('refuses a malformed option, naming it: %j', async (selection, message) => {
    await expect(selected(selection as LedgerSelection)).rejects.toThrow(new SelectionError(message));
  });
});

describe('the chain hashes of a selection', () => {
  it('keeps them on a stream kept whole or up to an event, and leaves them off the events after one left out', async () => {
    const all = await collect(books.store.readAll());
    // A cut by business date inside a year: the stream's events after the first one left out lose their hashes.
    const asOf = '2023-06-30';
    const kept = await selected({ asOf });
    const firstOut = new Map<string, bigint>();
    for (const e of all) if (e.metadata.occurredOn > asOf && !firstOut.has(e.streamId)) firstOut.set(e.streamId, e.streamPosition);
    expect(kept.length).toBeGreaterThan(0);
    for (const e of kept) {
      const out = firstOut.get(e.streamId);
      expect(typeof e.metadata.hash === 'string', `${e.streamId} ${e.streamPosition}`).toBe(out === undefined || e.streamPosition < out);
    }
    // Imported, the selection is sealed anew where a hash was left off, and the store's chain is whole.
    const store = await imported({ asOf });
    for await (const e of store.readAll()) expect(e.metadata.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('leaves the hash off an event kept after a back-dated one was left out', async () => {
    const store = new InMemoryEventStore();
    const event = (n: number, occurredOn: string) => ({ type: 'Noted', data: { n }, metadata: { eventId: `00000000-0000-4000-8000-00000000000${n}`, occurredOn, actor: 'a', schemaVersion: 1 } });
    await store.append('notes-1', [event(1, '2023-01-01'), event(2, '2023-09-01'), event(3, '2023-03-01')]);
    const kept = await collect(selectEvents(store, reportsCatalog, { asOf: '2023-06-30' }));
    expect(kept.map((e) => [e.data['n'], typeof e.metadata.hash])).toEqual([
      [1, 'string'],
      [3, 'undefined'],
    ]);
  });
});
