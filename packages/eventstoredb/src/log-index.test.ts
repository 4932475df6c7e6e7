import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RecordedEvent } from '@collective-ledger/core';
import { newEvent } from '@collective-ledger/testing';
import { LogIndex } from './log-index.js';

const recorded = (globalPosition: bigint, commandId?: string): RecordedEvent => {
  const event = newEvent('ThingHappened', {}, commandId === undefined ? {} : { commandId });
  return { streamId: 's', streamPosition: 0n, globalPosition, type: event.type, data: event.data, metadata: { ...event.metadata, recordedAt: '2024-01-01T00:00:00.000Z' } };
};

/** Strictly increasing positions with gaps, as commit positions are. */
const positions = fc.array(fc.bigInt({ min: 1n, max: 1_000n }), { maxLength: 40 }).map((gaps) => {
  let at = 0n;
  return gaps.map((gap) => (at += gap));
});

describe('LogIndex', () => {
  it('starts a read from the greatest indexed position at or before the one asked, or from the start', () => {
    fc.assert(
      fc.property(positions, fc.bigInt({ min: 0n, max: 50_000n }), (list, asked) => {
        const index = new LogIndex();
        for (const position of list) index.add(recorded(position));
        const start = index.startFor(asked);
        const expected = list.filter((position) => position <= asked).at(-1);
        expect(start).toBe(expected);
      }),
    );
  });

  it('ignores an event at or before the last one indexed, so two readers of $all can feed it', () => {
    const index = new LogIndex();
    const [a, b] = [recorded(10n, 'cmd-1'), recorded(250n, 'cmd-1')];
    for (const event of [a, a, b, a, b]) index.add(event);
    expect(index.size).toBe(2);
    expect(index.placesOf('cmd-1')).toHaveLength(2);
    expect(index.stored([a.metadata.eventId, 'other'])).toEqual([a.metadata.eventId]);
    expect(index.last).toBe(250n);
  });
});
