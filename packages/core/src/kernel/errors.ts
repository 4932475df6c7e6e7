import type { ExpectedRevision } from './store.js';

/** The one error every store raises when an expected revision does not hold. Nothing was written. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or `undefined` when the stream does not exist. */
    readonly actual: bigint | undefined,
  ) {
    super(
      `stream ${streamId}: expected revision ${describeRevision(expected)}, ` +
        `but the stream ${actual === undefined ? 'does not exist' : `is at revision ${actual}`}`,
    );
  }
}

/** An event id that is already stored (or repeated inside one batch). Nothing was written. */
export class DuplicateEventError extends Error {
  override readonly name = 'DuplicateEventError';
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(readonly eventIds: readonly string[]) {
    super(`event id already stored: ${eventIds.join(', ')}`);
  }
}

/** An append that the store refused before writing, because its input is malformed. */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
  readonly code = 'INVALID_APPEND';
}

/** A read the store refused because one of its options is malformed; `option` names it. */
export class InvalidReadError extends Error {
  override readonly name = 'InvalidReadError';
  readonly code = 'INVALID_READ';
  constructor(
    readonly option: string,
    reason: string,
  ) {
    super(`${option}: ${reason}`);
  }
}

/**
 * An event that carries a chain hash other than the one the store computes from
 * its content and the previous event of its stream: it was changed, or it is
 * being stored somewhere else in a stream than where it was sealed. Nothing was written.
 */
export class ChainBrokenError extends Error {
  override readonly name = 'ChainBrokenError';
  readonly code = 'CHAIN_BROKEN';
  readonly streamId: string;
  readonly streamPosition: bigint;
  readonly eventId: string;
  /** The hash the event carried. */
  readonly carried: string;
  /** The hash the store computed for it at this position. */
  readonly computed: string;

  constructor(broken: ChainBreak) {
    super(
      `stream ${broken.streamId}, position ${broken.streamPosition}, event ${broken.eventId}: it carries hash ${broken.carried}, ` +
        `but its content and the previous event of the stream give ${broken.computed}; nothing was written`,
    );
    ({ streamId: this.streamId, streamPosition: this.streamPosition, eventId: this.eventId, carried: this.carried, computed: this.computed } = broken);
  }
}

/** Where a chain broke and how: the event, its place, the hash it carried and the one computed. */
export interface ChainBreak {
  readonly streamId: string;
  readonly streamPosition: bigint;
  readonly eventId: string;
  readonly carried: string;
  readonly computed: string;
}

/** The store was closed; no more reads or appends. */
export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';
  readonly code = 'STORE_CLOSED';
  constructor() {
    super('the event store is closed');
  }
}

export const describeRevision = (revision: ExpectedRevision): string =>
  typeof revision === 'bigint' ? revision.toString() : revision;
