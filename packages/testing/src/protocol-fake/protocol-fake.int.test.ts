import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKWARDS,
  eventTypeFilter,
  UnavailableError,
  END,
  EventStoreDBClient,
  jsonEvent,
  START,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { ProtocolFake } from './index.js';

// The fake is checked against what the client itself expects of a server: every call here is the real client's.
let fake: ProtocolFake;
let client: EventStoreDBClient;

beforeAll(async () => {
  fake = await ProtocolFake.start();
  client = EventStoreDBClient.connectionString(fake.url);
});

afterAll(async () => {
  await client.dispose();
  await fake.stop();
});

const stream = (label: string): string => `${label}-${crypto.randomUUID()}`;
const event = (data: Record<string, unknown> = {}, id: string = crypto.randomUUID()) => jsonEvent({ id, type: 'ThingHappened', data, metadata: { note: '备注' } });

const readAllOf = async (streamId: string) => {
  const events: ResolvedEvent[] = [];
  for await (const resolved of client.readStream(streamId)) events.push(resolved);
  return events;
};

describe('the protocol fake, spoken to by @eventstore/db-client', () => {
  it('appends and reads a stream back: ids, types, JSON data and metadata, revisions from 0, commit = prepare position', async () => {
    const streamId = stream('round-trip');
    const sent = [event({ 金额: '1200.00' }), event({ n: 2 })];
    const result = await client.appendToStream(streamId, sent, { expectedRevision: 'no_stream' });
    const read = await readAllOf(streamId);
    expect(read.map((r) => [r.event?.id, r.event?.type, r.event?.data, r.event?.metadata, r.event?.revision])).toEqual(
      sent.map((e, i) => [e.id, 'ThingHappened', e.data, { note: '备注' }, BigInt(i)]),
    );
    expect(read.every((r) => r.event?.position?.commit === r.event?.position?.prepare)).toBe(true);
    expect(result.nextExpectedRevision).toBe(1n);
    expect(result.position?.commit).toBe(read[1]?.event?.position?.commit);
  });

  it('refuses a wrong expected revision with WrongExpectedVersionError naming the stream and both revisions, and writes nothing', async () => {
    const streamId = stream('wrong');
    await client.appendToStream(streamId, [event(), event()]);
    for (const expectedRevision of ['no_stream', 0n, 5n] as const) {
      const error: unknown = await client.appendToStream(streamId, [event()], { expectedRevision }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect((error as WrongExpectedVersionError).actualVersion).toBe(1n);
      expect((error as WrongExpectedVersionError).expectedVersion).toBe(expectedRevision);
    }
    const missing = await client.appendToStream(stream('missing'), [event()], { expectedRevision: 'stream_exists' }).catch((e: unknown) => e);
    expect((missing as WrongExpectedVersionError).actualVersion).toBe('no_stream');
    expect(await readAllOf(streamId)).toHaveLength(2);
  });

  it('answers a retried append (same ids, same expectation) with success again and writes nothing twice', async () => {
    const streamId = stream('idempotent');
    const batch = [event(), event()];
    const first = await client.appendToStream(streamId, batch, { expectedRevision: 'no_stream' });
    await client.appendToStream(streamId, [event()], { expectedRevision: 1n });
    for (const expectedRevision of ['no_stream', 'any'] as const) {
      const again = await client.appendToStream(streamId, batch, { expectedRevision });
      expect([again.success, again.nextExpectedRevision, again.position]).toEqual([true, first.nextExpectedRevision, first.position]);
    }
    expect(await readAllOf(streamId)).toHaveLength(3);
    // The same ids at another revision are not a retry: a revision check decides, as for any batch.
    const elsewhere = await client.appendToStream(streamId, batch, { expectedRevision: 0n }).catch((e: unknown) => e);
    expect(elsewhere).toBeInstanceOf(WrongExpectedVersionError);
  });

  it('reports a stream that does not exist as StreamNotFoundError', async () => {
    const error = await readAllOf(stream('nothing')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamNotFoundError);
  });

  it('reads a stream backward, bounded, from the end or from a revision', async () => {
    const streamId = stream('backward');
    const sent = [event(), event(), event(), event()];
    await client.appendToStream(streamId, sent);
    const ids = async (options: Parameters<EventStoreDBClient['readStream']>[1]) => {
      const found: (string | undefined)[] = [];
      for await (const resolved of client.readStream(streamId, options)) found.push(resolved.event?.id);
      return found;
    };
    expect(await ids({ direction: BACKWARDS, fromRevision: END, maxCount: 1 })).toEqual([sent[3]?.id]);
    expect(await ids({ direction: BACKWARDS, fromRevision: 2n, maxCount: 2 })).toEqual([sent[2]?.id, sent[1]?.id]);
    expect(await ids({ fromRevision: 3n })).toEqual([sent[3]?.id]);
  });

  it('keeps system records in $all, and positions strictly increasing but not contiguous; a read from a position includes it', async () => {
    const streamId = stream('all');
    await client.appendToStream(streamId, [event(), event(), event()]);
    const all: ResolvedEvent[] = [];
    for await (const resolved of client.readAll({ fromPosition: START })) all.push(resolved);
    expect(all.some((r) => r.event?.streamId.startsWith('$') === true)).toBe(true);
    expect(all.some((r) => r.event?.type.startsWith('$') === true)).toBe(true);
    const positions = all.map((r) => r.event?.position?.commit ?? -1n);
    const gaps = positions.slice(1).map((p, i) => p - (positions[i] ?? 0n));
    expect(gaps.every((gap) => gap > 1n)).toBe(true);
    const mine = all.filter((r) => r.event?.streamId === streamId);
    const pivot = mine[1]?.event?.position;
    if (pivot === undefined) return expect.unreachable('the appended events were not in $all');
    const suffix: (string | undefined)[] = [];
    for await (const resolved of client.readAll({ fromPosition: pivot })) suffix.push(resolved.event?.id);
    expect(suffix.slice(0, 2)).toEqual([mine[1]?.event?.id, mine[2]?.event?.id]);
  });

  it('runs a filtered catch-up subscription: confirmation, stored events after the position, checkpoints, caught-up, then live events', async () => {
    const prefix = `sub-${crypto.randomUUID()}`;
    await client.appendToStream(`${prefix}-a`, [event({ n: 0 })]);
    const start = (await client.appendToStream(`${prefix}-a`, [event({ n: 1 })])).position;
    await client.appendToStream(`other-${crypto.randomUUID()}`, Array.from({ length: 40 }, () => event()));
    await client.appendToStream(`${prefix}-b`, [event({ n: 2 })]);
    if (start === undefined) return expect.unreachable('an append gave no position');
    const checkpoints: bigint[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: start,
      filter: streamNameFilter({ prefixes: [prefix], checkpointInterval: 1, checkpointReached: (_, position) => void checkpoints.push(position.commit) }),
    });
    const seen: unknown[] = [];
    let caughtUp = false;
    subscription.on('caughtUp', () => {
      caughtUp = true;
      void client.appendToStream(`${prefix}-c`, [event({ n: 3 })]);
    });
    for await (const resolved of subscription) {
      seen.push(resolved.event?.data);
      if (seen.length === 2) break;
    }
    await subscription.unsubscribe();
    expect(seen).toEqual([{ n: 2 }, { n: 3 }]);
    expect(caughtUp).toBe(true);
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints.every((position) => position > start.commit)).toBe(true);
    expect(fake.requests.subscriptions).toBeGreaterThan(0);
  });

  it('keeps its log through a restart on the same port; calls cut by it fail, later ones go through', async () => {
    const streamId = stream('restart');
    await client.appendToStream(streamId, [event()]);
    const url = fake.url;
    await fake.restart();
    expect(fake.url).toBe(url);
    let written: unknown;
    for (let tried = 0; written === undefined && tried < 20; tried += 1) {
      written = await client.appendToStream(streamId, [event()], { expectedRevision: 0n }).catch(() => new Promise((resolve) => setTimeout(resolve, 50)));
    }
    expect(await readAllOf(streamId)).toHaveLength(2);
  });

  it('can write an append and lose its answer, as a dropped connection does; the retry is answered from the log', async () => {
    const streamId = stream('lost');
    const batch = [event()];
    fake.loseAppendAnswers(1);
    const lost = await client.appendToStream(streamId, batch, { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(UnavailableError);
    const retried = await client.appendToStream(streamId, batch, { expectedRevision: 'no_stream' });
    expect(retried.nextExpectedRevision).toBe(0n);
    expect(await readAllOf(streamId)).toHaveLength(1);
  });

  it('filters a subscription by event type, and one from the end sees only what comes after it', async () => {
    const type = `Tagged${crypto.randomUUID().replaceAll('-', '')}`;
    await client.appendToStream(stream('before'), [jsonEvent({ type, data: { n: 0 } })]);
    const subscription = client.subscribeToAll({ fromPosition: END, filter: eventTypeFilter({ prefixes: [type] }) });
    subscription.on('caughtUp', () => {
      void client.appendToStream(stream('after'), [event(), jsonEvent({ type, data: { n: 1 } })]);
    });
    for await (const resolved of subscription) {
      expect(resolved.event?.data).toEqual({ n: 1 });
      break;
    }
    await subscription.unsubscribe();
  });
});
