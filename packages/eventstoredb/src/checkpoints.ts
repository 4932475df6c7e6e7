import type { EventStoreDBClient } from '@eventstore/db-client';
import { withRetries } from './retry.js';

/**
 * Where a subscriber keeps how far it has got: the commit position of the
 * last event it handled (or that the server's search reached), by name.
 */
export interface CheckpointStore {
  load(name: string): Promise<bigint | undefined>;
  save(name: string, position: bigint): Promise<void>;
}

/** Checkpoints in memory, for tests and one-off runs. */
export class MemoryCheckpoints implements CheckpointStore {
  private readonly positions = new Map<string, bigint>();

  load(name: string): Promise<bigint | undefined> {
    return Promise.resolve(this.positions.get(name));
  }

  save(name: string, position: bigint): Promise<void> {
    this.positions.set(name, position);
    return Promise.resolve();
  }
}

const KEY = 'collectiveLedgerCheckpoint';

/**
 * Checkpoints kept on the server, in the metadata of an empty stream
 * `checkpoint-<name>` (its metastream `$$checkpoint-<name>` is a system
 * stream: `readAll` and subscriptions leave it out, and the server keeps only
 * its last entry).
 */
export class StreamMetadataCheckpoints implements CheckpointStore {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly location: string,
  ) {}

  async load(name: string): Promise<bigint | undefined> {
    const { metadata } = await withRetries(this.location, `loading checkpoint ${name}`, () => this.client.getStreamMetadata(`checkpoint-${name}`));
    const stored = (metadata as Record<string, unknown> | undefined)?.[KEY];
    return typeof stored === 'string' && /^\d+$/.test(stored) ? BigInt(stored) : undefined;
  }

  async save(name: string, position: bigint): Promise<void> {
    await withRetries(this.location, `saving checkpoint ${name}`, () =>
      this.client.setStreamMetadata(`checkpoint-${name}`, { [KEY]: position.toString() }),
    );
  }
}
