import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { handleCommand, type CommandContext } from './command-handler.js';
import { ConcurrencyError } from './errors.js';
import { InMemoryEventStore } from './memory-store.js';
import type { AppendOptions, AppendResult } from './store.js';
import type { NewEvent } from './event.js';
import { tallyCatalog, tallyDecider, type Tallied } from '../test-support/counter.js';

const envelope = (by: number, commandId: string) => ({
  command: { type: 'Tally' as const, organizationId: 'v1', by },
  commandId,
  occurredOn: '2024-03-01',
  actor: 'clerk',
});

const contextFor = (store: InMemoryEventStore): CommandContext<Tallied> => ({ store, catalog: tallyCatalog });

const readTypes = async (store: InMemoryEventStore, stream: string) => {
  const out = [];
  for await (const e of store.readStream(stream)) out.push(e);
  return out;
};

describe('handleCommand', () => {
  it('decides on the folded state and appends with metadata', async () => {
    const store = new InMemoryEventStore();
    const first = await handleCommand(contextFor(store), tallyDecider, 'tally-v1', envelope(4, 'c1'));
    const second = await handleCommand(contextFor(store), tallyDecider, 'tally-v1', envelope(5, 'c2'));
    expect(isRight(first) && isRight(second)).toBe(true);
    const events = await readTypes(store, 'tally-v1');
    expect(events.map((e) => e.data['by'])).toEqual([4, 5]);
    expect(events[1]?.metadata).toMatchObject({
      occurredOn: '2024-03-01',
      actor: 'clerk',
      commandId: 'c2',
      correlationId: 'c2',
      causationId: 'c2',
      schemaVersion: 2,
    });
  });

  it('returns the refusal and appends nothing', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(contextFor(store), tallyDecider, 'tally-v1', envelope(8, 'c1'));
    const refused = await handleCommand(contextFor(store), tallyDecider, 'tally-v1', envelope(3, 'c2'));
    expect(isLeft(refused) && refused.left.code).toBe('TALLY_LIMIT');
    expect(store.size).toBe(1);
  });

  it('appends once for the same command id and returns the first result', async () => {
    const store = new InMemoryEventStore();
    const first = await handleCommand(contextFor(store), tallyDecider, 'tally-v1', envelope(2, 'same'));
    const again = await handleCommand(contextFor(store), tallyDecider, 'tally-v1', envelope(2, 'same'));
    expect(store.size).toBe(1);
    expect(isRight(again) && again.right.alreadyHandled).toBe(true);
    expect(isRight(first) && isRight(again) && again.right.events).toEqual(isRight(first) && first.right.events);
  });

  it('retries after a concurrency conflict and decides on the fresh state', async () => {
    const store = new InMemoryEventStore();
    let sneaked = false;
    // A store whose first append loses a race to another writer.
    const racing = Object.assign(Object.create(store) as InMemoryEventStore, {
      append: async (id: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> => {
        if (!sneaked) {
          sneaked = true;
          await handleCommand(contextFor(store), tallyDecider, id, envelope(7, 'other'));
        }
        return store.append(id, events, options);
      },
    });
    const result = await handleCommand({ store: racing, catalog: tallyCatalog }, tallyDecider, 'tally-v1', envelope(4, 'mine'));
    expect(isLeft(result) && result.left.code).toBe('TALLY_LIMIT');
    expect((await readTypes(store, 'tally-v1')).map((e) => e.metadata.commandId)).toEqual(['other']);
  });

  it('gives up with ConcurrencyError after the bounded number of retries', async () => {
    const store = new InMemoryEventStore();
    const alwaysLosing = Object.assign(Object.create(store) as InMemoryEventStore, {
      append: (id: string) => Promise.reject(new ConcurrencyError(id, 'no_stream', 0n)),
    });
    await expect(
      handleCommand({ store: alwaysLosing, catalog: tallyCatalog, maxRetries: 2 }, tallyDecider, 'tally-v1', envelope(1, 'c')),
    ).rejects.toBeInstanceOf(ConcurrencyError);
  });
});
