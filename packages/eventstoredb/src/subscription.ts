import { START, streamNameFilter, type AllStreamResolvedEvent, type AllStreamSubscription, type Position } from '@eventstore/db-client';
import type { RecordedEvent } from '@collective-ledger/core';
import type { CheckpointStore } from './checkpoints.js';
import { isSystemRecord, recordedOf } from './encoding.js';
import { isTransient, userErrorOf } from './errors.js';
import { Follower } from './follower.js';
import { RETRY_DELAYS_MS } from './retry.js';
import type { EventStoreDbStore } from './store.js';

export interface FollowOptions {
  /** The subscriber's name: its checkpoint is kept under it. */
  readonly name: string;
  readonly checkpoints: CheckpointStore;
  /** Called for each event, one at a time, in `$all` order; its checkpoint is saved once it returns. */
  readonly handle: (event: RecordedEvent) => void | Promise<void>;
  /** Only streams whose id starts with one of these (default: every stream but the server's own). */
  readonly streamPrefixes?: readonly string[];
  /** The server sends a checkpoint every `checkpointInterval × 32` records searched (default 1). */
  readonly checkpointInterval?: number;
  /** Told when the subscription has read everything stored and goes live. */
  readonly onCaughtUp?: () => void;
  /** Told when the subscription fails (the server went away for good, a handler threw); it has stopped. */
  readonly onError?: (error: unknown) => void;
}

/** A running subscription: stop it, and it resumes after its last checkpoint when followed again. */
export interface Following {
  /** Stop after the event being handled (if any) and its checkpoint; no later event is handled. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: stopped, or failed (then rejects with the sentence `onError` got). */
  readonly ended: Promise<void>;
}

const positionOf = (commit: bigint): Position => ({ commit, prepare: commit });

/** Settles when the subscription's stream ends: resolves when it closes, rejects when it fails. */
const endOf = (subscription: AllStreamSubscription): Promise<void> =>
  new Promise((resolve, reject) => {
    subscription.once('error', reject);
    subscription.once('close', () => {
      resolve();
    });
  });

/** One subscription to `$all` from `from` (exclusive), its events handed to a follower of its own. */
const connect = (store: EventStoreDbStore, options: FollowOptions, from: bigint | undefined) => {
  // The filter is made before the subscription, its follower after: the callback finds it here.
  const target: { follower?: Follower } = {};
  const checkpoints = {
    checkpointInterval: options.checkpointInterval ?? 1,
    checkpointReached: (_: AllStreamSubscription, position: Position) => target.follower?.reached(position.commit),
  };
  const filter =
    options.streamPrefixes === undefined
      ? streamNameFilter({ regex: '^[^$]', ...checkpoints })
      : streamNameFilter({ prefixes: [...options.streamPrefixes], ...checkpoints });
  const subscription = store.client.subscribeToAll({ fromPosition: from === undefined ? START : positionOf(from), filter });
  const follower = new Follower(options, subscription);
  target.follower = follower;
  subscription.on('caughtUp', () => options.onCaughtUp?.());
  subscription.on('data', (resolved: AllStreamResolvedEvent) => {
    const event = resolved.event;
    if (event === undefined || isSystemRecord(event.streamId, event.type)) return;
    try {
      follower.offer(recordedOf(resolved));
    } catch (error) {
      // A record that is not one of the books' events ends the subscription, naming it.
      subscription.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
  return { subscription, follower, done: endOf(subscription) };
};

type Connection = ReturnType<typeof connect>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follow `$all` with a catch-up subscription for a durable projection: from
 * the position stored under `name` (exclusive, so nothing handled is handled
 * again), with a server-side filter on stream names and the server's
 * checkpoints saved as it searches, so a subscriber of few streams resumes
 * without scanning again what it skipped. Each event is handled, then its
 * position saved: after a clean stop every event is handled exactly once; a
 * crash between the two handles the last event again (at least once). When
 * the connection drops (a server restart), it subscribes again from the last
 * position saved, after the same waits as the store's retries.
 */
export const followAll = async (store: EventStoreDbStore, options: FollowOptions): Promise<Following> => {
  let from = await options.checkpoints.load(options.name);
  const state: { stopping: boolean; current: Connection } = { stopping: false, current: connect(store, options, from) };
  // Read through a function: `stop` may change it while `run` waits.
  const stopped = (): boolean => state.stopping;
  const run = async (): Promise<void> => {
    for (let failures = 0; ; ) {
      const { follower, done } = state.current;
      const failure = await done.then(() => undefined, (error: unknown) => error ?? new Error('the subscription ended'));
      await follower.idle;
      if (stopped()) return;
      from = follower.position ?? from;
      failures = follower.progressed ? 1 : failures + 1;
      const delay = RETRY_DELAYS_MS[failures - 1];
      if ((failure !== undefined && !isTransient(failure)) || delay === undefined) {
        throw userErrorOf(failure ?? new Error('the server ended it'), store.location, `the subscription ${options.name}`);
      }
      await sleep(delay);
      if (stopped()) return;
      state.current = connect(store, options, from);
    }
  };
  const ended = run().catch((error: unknown) => {
    options.onError?.(error);
    throw error;
  });
  ended.catch(() => undefined);
  return {
    ended,
    async stop() {
      state.stopping = true;
      const { subscription, follower } = state.current;
      follower.stopping = true;
      await subscription.unsubscribe();
      await follower.idle.catch(() => undefined);
      subscription.destroy();
      await ended.catch(() => undefined);
    },
  };
};
