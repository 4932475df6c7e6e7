import { END, streamNameFilter, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import { AppendSignal, type WaitForEventsOptions } from '@collective-ledger/core';

/**
 * Wake-ups for followers of an EventStoreDB store: an append through this
 * store wakes them at once; an append by any other client reaches them
 * through one live subscription to `$all` (from its end, system streams
 * left out), opened at the first wait and closed with the store. When that
 * subscription fails (the server went away), waits fall back to the poll
 * until a later wait opens it again.
 */
export class WakeUps {
  private readonly signal = new AppendSignal();
  private live: AllStreamSubscription | undefined;

  constructor(private readonly client: EventStoreDBClient) {}

  /** Resolves at the next append seen, the timeout or an abort. */
  next(options: WaitForEventsOptions): Promise<void> {
    this.listen();
    return this.signal.next(options);
  }

  wakeAll(): void {
    this.signal.wakeAll();
  }

  async close(): Promise<void> {
    const live = this.live;
    this.live = undefined;
    this.signal.wakeAll();
    if (live === undefined) return;
    await live.unsubscribe().catch(() => undefined);
    live.destroy();
  }

  private listen(): void {
    if (this.live !== undefined) return;
    const live = this.client.subscribeToAll({ fromPosition: END, filter: streamNameFilter({ regex: '^[^$]' }) });
    this.live = live;
    live.on('data', () => { this.signal.wakeAll(); });
    const forget = (): void => {
      if (this.live === live) this.live = undefined;
    };
    live.on('error', forget);
    live.on('close', forget);
  }
}
