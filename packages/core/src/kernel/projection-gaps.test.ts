import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InMemoryEventStore } from './memory-store.js';
import { runProjection, type Projection } from './projection.js';
import type { NewEvent, RecordedEvent } from './event.js';
import type { EventStore, ReadAllOptions } from './store.js';
import { tallyCatalog, type Tallied } from '../test-support/counter.js';

/**
 * The reference store seen with global positions that grow by a gap of its
 * own after each event, as an EventStoreDB commit position does: increasing,
 * not contiguous.
 */
const gapped = (store: InMemoryEventStore, gaps: readonly bigint[]): EventStore => {
  const positionOf = (contiguous: bigint): bigint => {
    let position = 0n;
    for (let i = 0n; i < contiguous; i += 1n) position += gaps[Number(i) % gaps.length] ?? 1n;
    return position;
  };
  const moved = (event: RecordedEvent): RecordedEvent => ({ ...event, globalPosition: positionOf(event.globalPosition) });
  return {
    append: (streamId, events, options) => store.append(streamId, events, options),
    readStream: async function* (streamId, options) {
      for await (const event of store.readStream(streamId, options)) yield moved(event);
    },
    readAll: async function* (options: ReadAllOptions = {}) {
      for await (const event of store.readAll()) {
        const at = moved(event);
        if (at.globalPosition >= (options.fromPosition ?? 0n)) yield at;
      }
    },
    readCommand: async (commandId) => (await store.readCommand(commandId)).map(moved),
    close: () => store.close(),
  };
};

const tally = (i: number): NewEvent => ({
  type: 'Tallied',
  data: { organizationId: `v${i % 3}`, by: i + 1, note: 'n' },
  metadata: { eventId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, occurredOn: '2024-01-01', actor: 'test', schemaVersion: 2 },
});

const totals: Projection<Record<string, number>, Tallied> = {
  name: 'totals',
  handles: ['Tallied'],
  init: () => ({}),
  apply: (state, { event }) => ({ ...state, [event.data.organizationId]: (state[event.data.organizationId] ?? 0) + event.data.by }),
};

describe('projections over positions that are not contiguous', () => {
  it('fold the same events between the same events, whatever the gaps between positions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.bigInt({ min: 1n, max: 500n }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        async (count, gaps, a, b) => {
          const store = new InMemoryEventStore();
          for (let i = 0; i < count; i += 1) await store.append(`t-${i % 2}`, [tally(i)]);
          const [first, last] = [Math.min(a % count, b % count) + 1, Math.max(a % count, b % count) + 1];
          const contiguous = await runProjection(store, tallyCatalog, totals, { fromPosition: BigInt(first), toPosition: BigInt(last) });
          const events = [];
          for await (const event of gapped(store, gaps).readAll()) events.push(event);
          const [from, to] = [events[first - 1]?.globalPosition, events[last - 1]?.globalPosition];
          const spread = await runProjection(gapped(store, gaps), tallyCatalog, totals, { ...(from === undefined ? {} : { fromPosition: from }), ...(to === undefined ? {} : { toPosition: to }) });
          expect([spread.state, spread.read, spread.applied]).toEqual([contiguous.state, contiguous.read, contiguous.applied]);
          expect(spread.position).toBe(to);
        },
      ),
      { numRuns: 50 },
    );
  });
});
