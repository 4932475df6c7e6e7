import { START, streamNameFilter, type AllStreamResolvedEvent, type AllStreamSubscription, type Position } from '@eventstore/db-client';
import type { RecordedEvent } from '@collective-ledger/core';
import type { CheckpointStore } from './checkpoints.js';
import { isSystemRecord, recordedOf } from './encoding.js';
import { userErrorOf } from './errors.js';
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

/** Events handed to the handler but not yet handled, above which the subscription pauses. */
const HIGH_WATER = 256;

/** The subscription's ordered work: events handled one at a time, checkpoints saved only when nothing before them is left. */
class Follower {
  private work: Promise<void> = Promise.resolve();
  private pending = 0;
  private checkpoint: bigint | undefined;
  private saved: bigint | undefined;
  stopping = false;

  constructor(
    private readonly options: FollowOptions,
    private readonly subscription: AllStreamSubscription,
  ) {}

  get idle(): Promise<void> {
    return this.work;
  }

  /** Called as the client emits each event, in `$all` order. */
  offer(recorded: RecordedEvent): void {
    this.pending += 1;
    if (this.pending >= HIGH_WATER) this.subscription.pause();
    this.queue(async () => {
      this.pending -= 1;
      if (this.pending < HIGH_WATER / 4) this.subscription.resume();
      if (this.stopping) return;
      await this.options.handle(recorded);
      await this.save(recorded.globalPosition);
    });
  }

  /**
   * The server searched up to `position`. It is saved only once every event
   * the client received before it is handled: none waiting in the queue, none
   * still buffered in the client's stream.
   */
  reached(position: bigint): void {
    if (this.checkpoint === undefined || position > this.checkpoint) this.checkpoint = position;
    this.queue(async () => {
      const { checkpoint } = this;
      if (this.stopping || this.pending > 0 || this.subscription.readableLength > 0 || checkpoint === undefined) return;
      await this.save(checkpoint);
    });
  }

  private async save(position: bigint): Promise<void> {
    if (this.saved !== undefined && position <= this.saved) return;
    await this.options.checkpoints.save(this.options.name, position);
    this.saved = position;
  }

  private queue(step: () => Promise<void>): void {
    this.work = this.work.then(step);
    this.work.catch((error: unknown) => this.subscription.destroy(error instanceof Error ? error : new Error(String(error))));
  }
}

/** Settles when the subscription's stream ends: resolves when it closes, rejects when it fails. */
const endOf = (subscription: AllStreamSubscription): Promise<void> =>
  new Promise((resolve, reject) => {
    subscription.once('error', reject);
    subscription.once('close', () => {
      resolve();
    });
  });

/**
 * Follow `$all` with a catch-up subscription for a durable projection: from
 * the position stored under `name` (exclusive, so nothing handled is handled
 * again), with a server-side filter on stream names and the server's
 * checkpoints saved as it searches, so a subscriber of few streams resumes
 * without scanning again what it skipped. Each event is handled, then its
 * position saved: after a clean stop every event is handled exactly once; a
 * crash between the two handles the last event again (at least once).
 */
export const followAll = async (store: EventStoreDbStore, options: FollowOptions): Promise<Following> => {
  const from = await options.checkpoints.load(options.name);
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
  const current = new Follower(options, subscription);
  target.follower = current;
  subscription.on('caughtUp', () => options.onCaughtUp?.());
  subscription.on('data', (resolved: AllStreamResolvedEvent) => {
    const event = resolved.event;
    if (event !== undefined && !isSystemRecord(event.streamId, event.type)) current.offer(recordedOf(resolved));
  });
  const ended = endOf(subscription).then(
    () => current.idle,
    (error: unknown) => {
      if (current.stopping) return;
      const failure = userErrorOf(error, store.location, `the subscription ${options.name}`);
      options.onError?.(failure);
      throw failure;
    },
  );
  ended.catch(() => undefined);
  return {
    ended,
    async stop() {
      current.stopping = true;
      await subscription.unsubscribe();
      await current.idle.catch(() => undefined);
      subscription.destroy();
      await ended.catch(() => undefined);
    },
  };
};
