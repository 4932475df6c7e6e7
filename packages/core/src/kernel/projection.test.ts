import { describe, expect, it } from 'vitest';
import { InMemoryEventStore } from './memory-store.js';
import { EventValidationError } from './catalog.js';
import { combineProjections, runProjection, type Projection } from './projection.js';
import type { NewEvent } from './event.js';
import { tallyCatalog, type Tallied } from '../test-support/counter.js';

let ids = 0;
const tally = (organizationId: string, by: number, occurredOn: string, schemaVersion = 2): NewEvent => ({
  type: 'Tallied',
  data: schemaVersion === 1 ? { organizationId, by } : { organizationId, by, note: 'n' },
  metadata: {
    eventId: `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`,
    occurredOn,
    actor: 'test',
    schemaVersion,
  },
});

const totals: Projection<Record<string, number>, Tallied> = {
  name: 'totals',
  handles: ['Tallied'],
  init: () => ({}),
  apply: (state, { event }) => ({ ...state, [event.data.organizationId]: (state[event.data.organizationId] ?? 0) + event.data.by }),
};

const seeded = async () => {
  const store = new InMemoryEventStore();
  await store.append('t-a', [tally('a', 1, '2023-12-31'), tally('a', 2, '2024-01-01')]);
  await store.append('t-b', [tally('b', 10, '2023-06-30'), tally('b', 20, '2024-06-30')]);
  return store;
};

describe('runProjection', () => {
  it('folds every event in global order', async () => {
    const run = await runProjection(await seeded(), tallyCatalog, totals);
    expect(run.state).toEqual({ a: 3, b: 30 });
    expect(run.read).toBe(4n);
    expect(run.position).toBe(4n);
  });

  it('stops at a business date with asOf', async () => {
    const run = await runProjection(await seeded(), tallyCatalog, totals, { asOf: '2023-12-31' });
    expect(run.state).toEqual({ a: 1, b: 10 });
    expect(run.applied).toBe(2n);
  });

  it('reads between global positions', async () => {
    const run = await runProjection(await seeded(), tallyCatalog, totals, { fromPosition: 2n, toPosition: 3n });
    expect(run.state).toEqual({ a: 2, b: 10 });
  });

  it('keeps only events recorded before recordedBefore, whatever their business date', async () => {
    // A clock an hour on per append: t-a at 08:00, t-b at 09:00, the late entry at 10:00 (UTC).
    let hour = 7;
    const store = new InMemoryEventStore({ now: () => new Date(Date.UTC(2024, 6, 1, (hour += 1))) });
    await store.append('t-a', [tally('a', 1, '2024-01-10')]);
    await store.append('t-b', [tally('b', 10, '2024-02-10')]);
    await store.append('t-a', [tally('a', 100, '2024-01-05')]);
    const at = (recordedBefore: string) => runProjection(store, tallyCatalog, totals, { recordedBefore });
    expect((await at('2024-07-01T10:00:00Z')).state).toEqual({ a: 1, b: 10 });
    expect((await at('2024-07-01T18:00:00.001+08:00')).state).toEqual({ a: 101, b: 10 });
    expect((await at('2024-07-01T16:59:59+08:00')).state).toEqual({ a: 1 });
    expect((await runProjection(store, tallyCatalog, totals, { recordedBefore: '2024-07-01T10:00:00Z', asOf: '2024-01-31' })).state).toEqual({ a: 1 });
  });

  it('refuses a recordedBefore that is not a timestamp with a zone, naming the option', async () => {
    await expect(runProjection(await seeded(), tallyCatalog, totals, { recordedBefore: '2024-07-01' })).rejects.toThrow(
      'recordedBefore: expected a timestamp YYYY-MM-DDTHH:mm:ss[.sss] with a zone (Z or +08:00), got "2024-07-01"',
    );
  });

  it('reports progress and stops when aborted', async () => {
    const store = await seeded();
    const seen: bigint[] = [];
    await runProjection(store, tallyCatalog, totals, { progressEvery: 2, onProgress: (p) => seen.push(p.read) });
    expect(seen).toEqual([2n, 4n, 4n]);
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await expect(runProjection(store, tallyCatalog, totals, { signal: controller.signal })).rejects.toThrow('user cancelled');
  });

  it('upcasts events written in an older schema version', async () => {
    const store = new InMemoryEventStore();
    await store.append('t-old', [tally('old', 5, '2024-01-01', 1)]);
    const notes: Projection<string[], Tallied> = { name: 'notes', init: () => [], apply: (s, e) => [...s, e.event.data.note] };
    expect((await runProjection(store, tallyCatalog, notes)).state).toEqual(['(none)']);
  });

  it('names the stream and position of an event that no longer decodes', async () => {
    const store = new InMemoryEventStore();
    await store.append('t-bad', [{ ...tally('x', 1, '2024-01-01'), data: { organizationId: 'x', by: 'one', note: 'n' } }]);
    const error = await runProjection(store, tallyCatalog, totals).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventValidationError);
    expect(String(error)).toContain('stream t-bad position 0 (global 1): data.by');
  });

  it('runs several projections in one pass', async () => {
    const count: Projection<number, Tallied> = { name: 'count', handles: ['Tallied'], init: () => 0, apply: (n) => n + 1 };
    const run = await runProjection(await seeded(), tallyCatalog, combineProjections('both', { totals, count }));
    expect(run.state).toEqual({ totals: { a: 3, b: 30 }, count: 4 });
  });
});
