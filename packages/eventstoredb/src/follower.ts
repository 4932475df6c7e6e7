import type { AllStreamSubscription } from '@eventstore/db-client';
import type { RecordedEvent } from '@collective-ledger/core';
import type { CheckpointStore } from './checkpoints.js';

/** What a follower needs of the subscriber. */
export interface FollowerOptions {
  readonly name: string;
  readonly checkpoints: CheckpointStore;
  readonly handle: (event: RecordedEvent) => void | Promise<void>;
}

/** Events handed to the handler but not yet handled, above which the subscription pauses. */
const HIGH_WATER = 256;

/** The subscription's ordered work: events handled one at a time, checkpoints saved only when nothing before them is left. */
export class Follower {
  private work: Promise<void> = Promise.resolve();
  private pending = 0;
  private checkpoint: bigint | undefined;
  private saved: bigint | undefined;
  stopping = false;
  /** Whether this connection handled an event or saved a checkpoint (a reconnect that gets somewhere resets the retries). */
  progressed = false;

  constructor(
    private readonly options: FollowerOptions,
    private readonly subscription: AllStreamSubscription,
  ) {}

  get idle(): Promise<void> {
    return this.work;
  }

  /** The last position saved through this follower, if any. */
  get position(): bigint | undefined {
    return this.saved;
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
      const { checkpoint } = this;
      const further = checkpoint !== undefined && checkpoint > recorded.globalPosition && this.settled();
      await this.save(further ? checkpoint : recorded.globalPosition);
    });
  }

  /** Nothing received is left to handle: none waiting in the queue, none still buffered in the client's stream. */
  private settled(): boolean {
    return this.pending === 0 && this.subscription.readableLength === 0;
  }

  /**
   * The server searched up to `position`. It is saved only once every event
   * the client received before it is handled (`settled`): here, or after the
   * event that settles it.
   */
  reached(position: bigint): void {
    if (this.checkpoint === undefined || position > this.checkpoint) this.checkpoint = position;
    this.queue(async () => {
      const { checkpoint } = this;
      if (this.stopping || !this.settled() || checkpoint === undefined) return;
      await this.save(checkpoint);
    });
  }

  private async save(position: bigint): Promise<void> {
    if (this.saved !== undefined && position <= this.saved) return;
    await this.options.checkpoints.save(this.options.name, position);
    this.saved = position;
    this.progressed = true;
  }

  private queue(step: () => Promise<void>): void {
    this.work = this.work.then(step);
    this.work.catch((error: unknown) => this.subscription.destroy(error instanceof Error ? error : new Error(String(error))));
  }
}
