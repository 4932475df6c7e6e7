import { BACKWARDS, END, FORWARDS, START, StreamNotFoundError } from '@eventstore/db-client';
import type { EventStoreDBClient, ReadStreamOptions, ResolvedEvent } from '@eventstore/db-client';
import type { RecordedEvent, StreamRead } from '@collective-ledger/core';
import { isSystemRecord, recordedOf } from './encoding.js';
import { isTransient, userErrorOf } from './errors.js';
import { RETRY_DELAYS_MS } from './retry.js';

type ClientRead = AsyncIterable<ResolvedEvent> & { cancel(): Promise<void> };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The records of a read, opened again after a transient failure that came
 * before the first record (the client reconnects on the next call); a stream
 * that does not exist is an empty read. A read stopped early is cancelled.
 */
async function* resilient(location: string, operation: string, open: () => ClientRead): AsyncGenerator<ResolvedEvent> {
  let yielded = false;
  for (let tried = 0; ; tried += 1) {
    const read = open();
    let done = false;
    try {
      for await (const resolved of read) {
        yielded = true;
        yield resolved;
      }
      done = true;
      return;
    } catch (error) {
      done = true;
      if (error instanceof StreamNotFoundError) return;
      const delay = RETRY_DELAYS_MS[tried];
      if (yielded || !isTransient(error) || delay === undefined) throw userErrorOf(error, location, operation);
      await sleep(delay);
    } finally {
      if (!done) await read.cancel();
    }
  }
}

/** A stream's events, as `streamReadOf` checked the options. */
export async function* streamEvents(client: EventStoreDBClient, location: string, streamId: string, read: StreamRead): AsyncGenerator<RecordedEvent> {
  const options: ReadStreamOptions = {
    direction: read.backward ? BACKWARDS : FORWARDS,
    fromRevision: read.from ?? (read.backward ? END : START),
    ...(Number.isFinite(read.maxCount) ? { maxCount: read.maxCount } : {}),
  };
  for await (const resolved of resilient(location, `reading stream ${streamId}`, () => client.readStream(streamId, options))) {
    yield recordedOf(resolved);
  }
}

/** The books' events of `$all` from a commit position (inclusive; `undefined`: the start), system records left out. */
export async function* allEvents(client: EventStoreDBClient, location: string, from: bigint | undefined): AsyncGenerator<RecordedEvent> {
  const fromPosition = from === undefined ? START : { commit: from, prepare: from };
  for await (const resolved of resilient(location, 'reading $all', () => client.readAll({ fromPosition }))) {
    const event = resolved.event;
    if (event === undefined || isSystemRecord(event.streamId, event.type)) continue;
    yield recordedOf(resolved);
  }
}
