import { describe } from './vitest-api.js';
import { describeAppendAndRead } from './contract/append-read.js';
import { describeCommandLookup } from './contract/commands.js';
import { describeCapabilities } from './contract/capabilities.js';
import { describeChain } from './contract/chain.js';
import { describeClosing } from './contract/closing.js';
import { describeConcurrency } from './contract/concurrency.js';
import { useContractContext } from './contract/context.js';
import type { EventStoreFactory, EventStoreReopener } from './contract/context.js';
import type { EventStore } from '@collective-ledger/core';
import { describeDuplicates } from './contract/duplicates.js';
import { describeExpectedRevision } from './contract/expected-revision.js';
import { describeInvalidInput } from './contract/invalid-input.js';
import { describePayloads } from './contract/payloads.js';
import { describeReadAll } from './contract/read-all.js';
import { describeStreamReads } from './contract/stream-reads.js';
import { describeSubscriptions } from './contract/subscriptions.js';

export type { EventStoreFactory, EventStoreReopener } from './contract/context.js';

export interface EventStoreContractOptions<S extends EventStore = EventStore> {
  /** Per-test timeout in milliseconds, for adapters behind a network (vitest's default otherwise). */
  readonly timeout?: number;
  /** How many appends race for the same expected revision (default 20). */
  readonly concurrentAppends?: number;
  /**
   * Close a store and open the same stored events again. Durable adapters give
   * it, and the suite checks that what they answer survives reopening; the
   * tests that need it are skipped without it.
   */
  readonly reopen?: EventStoreReopener<S>;
}

/**
 * The one contract every `EventStore` adapter runs unchanged (docs/architecture.md,
 * "Event store"): round trips, backward and bounded stream reads, command-id
 * lookups, expected revisions, atomic batches, event id
 * idempotency, concurrent writers, global order, large and Chinese payloads,
 * input validation, closing, the chain hashes every store stamps, and catch-up subscriptions
 * that follow the log.
 *
 * Each test gets a fresh store from `factory` and closes it afterwards. Stores
 * may share one database: every test writes to streams of its own and reads
 * the global log only from positions it captured, so tests never see each
 * other's events as their own.
 */
export const describeEventStoreContract = <S extends EventStore>(
  name: string,
  factory: EventStoreFactory<S>,
  options: EventStoreContractOptions<S> = {},
): void => {
  const settings = options.timeout === undefined ? {} : { timeout: options.timeout };
  describe(`EventStore contract: ${name}`, settings, () => {
    const ctx = useContractContext(factory, options.reopen);
    describeAppendAndRead(ctx);
    describeStreamReads(ctx);
    describeCommandLookup(ctx);
    describeExpectedRevision(ctx);
    describeDuplicates(ctx);
    describeConcurrency(ctx, options.concurrentAppends ?? 20);
    describeReadAll(ctx);
    describePayloads(ctx);
    describeInvalidInput(ctx);
    describeClosing(ctx);
    describeCapabilities(ctx);
    describeChain(ctx);
    describeSubscriptions(ctx);
  });
};
