import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { tallyCatalog, tallyDecider } from '../test-support/counter.js';
import { defineCommand, noFacts } from './command.js';
import { ConcurrencyError } from './errors.js';
import { InMemoryEventStore } from './memory-store.js';
import { retryDelay } from './retry.js';

const TallyInput = t.type({ organizationId: t.string, by: t.number });

const tally = defineCommand({
  name: 'Tally',
  input: TallyInput,
  stream: (input) => `tally-${input.organizationId}`,
  occurredOn: () => '2024-03-01',
  facts: noFacts,
  decider: () => tallyDecider,
  command: (input) => ({ type: 'Tally' as const, ...input }),
});

/** The same command deciding on another stream. */
const tallyElsewhere = defineCommand({
  name: 'Tally',
  input: TallyInput,
  stream: (input) => `elsewhere-${input.organizationId}`,
  occurredOn: () => '2024-03-01',
  facts: noFacts,
  decider: () => tallyDecider,
  command: (input) => ({ type: 'Tally' as const, ...input }),
});

const contextOf = (store: InMemoryEventStore) => ({ store, catalog: tallyCatalog });
const request = (by: number, commandId: string) => ({ input: { organizationId: 'v1', by }, commandId, actor: 'clerk' });

describe('defineCommand', () => {
  it('validates, decides, stamps the fingerprint and counts what it read', async () => {
    const store = new InMemoryEventStore();
    await tally(contextOf(store), request(2, 'c1'));
    const second = await tally(contextOf(store), request(3, 'c2'));
    expect(second._tag === 'Right' && second.right.eventsRead).toBe(1);
    const events = [];
    for await (const e of store.readStream('tally-v1')) events.push(e);
    expect(events[1]?.metadata.commandDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(events[0]?.metadata.commandDigest).not.toBe(events[1]?.metadata.commandDigest);
  });

  it('refuses invalid input before reading or writing anything', async () => {
    const store = new InMemoryEventStore();
    const refused = await tally(contextOf(store), { input: { organizationId: 'v1', by: 'two' } as never, commandId: 'c1', actor: 'clerk' });
    expect(refused._tag === 'Left' && refused.left.code).toBe('INVALID_INPUT');
    expect(store.size).toBe(0);
  });

  it('returns the first result for the same id and the same content, and appends once', async () => {
    const store = new InMemoryEventStore();
    const first = await tally(contextOf(store), request(2, 'same'));
    const again = await tally(contextOf(store), request(2, 'same'));
    expect(store.size).toBe(1);
    expect(again._tag === 'Right' && again.right.alreadyHandled).toBe(true);
    expect(again._tag === 'Right' && first._tag === 'Right' && again.right.events).toEqual(first._tag === 'Right' && first.right.events);
  });

  it('refuses the same id with other content, naming the first command stream, and writes nothing', async () => {
    const store = new InMemoryEventStore();
    await tally(contextOf(store), request(2, 'same'));
    const reused = await tally(contextOf(store), request(3, 'same'));
    expect(reused._tag === 'Left' && reused.left).toEqual({
      code: 'COMMAND_ID_REUSED',
      streamId: 'tally-v1',
      message: 'commandId: same was already used for a different command (on stream tally-v1); send this command with a new id',
    });
    const elsewhere = await tallyElsewhere(contextOf(store), request(2, 'same'));
    expect(elsewhere._tag === 'Left' && elsewhere.left.code).toBe('COMMAND_ID_REUSED');
    expect(store.size).toBe(1);
  });

  it('waits with backoff and jitter between retries, then gives the conflict up', async () => {
    const store = new InMemoryEventStore();
    const losing = Object.assign(Object.create(store) as InMemoryEventStore, {
      append: (id: string) => Promise.reject(new ConcurrencyError(id, 'no_stream', 0n)),
    });
    const waits: number[] = [];
    const context = { ...contextOf(losing), retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 25, random: () => 0.5, sleep: (ms: number) => Promise.resolve(void waits.push(ms)) } };
    await expect(tally(context, request(1, 'c'))).rejects.toBeInstanceOf(ConcurrencyError);
    expect(waits).toEqual([5, 10, 12]);
  });

  it('never waits longer than the cap, nor less than zero', () => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const delay = retryDelay({ baseDelayMs: 5, maxDelayMs: 250, random: () => 0.999 }, attempt);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(250);
    }
  });
});
