import type { EventCatalog } from './catalog.js';
import { decodeRecordedEvent } from './decode.js';
import type { DecodedEvent, DomainEvent, RecordedEvent } from './event.js';
import type { EventStore, ReadStreamOptions } from './store.js';

/**
 * What a command reads from streams other than the one it decides on (its
 * facts), and the stream itself: every read goes through here, so a result
 * can say how many events a decision cost.
 */
export class FactReader<E extends DomainEvent = DomainEvent> {
  #read = 0;

  constructor(
    private readonly store: EventStore,
    private readonly catalog: EventCatalog<E>,
  ) {}

  /** Events read so far, decoded or passed over. */
  get eventsRead(): number {
    return this.#read;
  }

  /** The stream's events as stored, counted; `handles` (if given) picks the ones worth decoding. */
  async *recorded(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    for await (const recorded of this.store.readStream(streamId, options)) {
      this.#read += 1;
      yield recorded;
    }
  }

  /** The stream's events, decoded and upcast; those whose type `handles` does not hold are passed over undecoded. */
  async *events(streamId: string, handles?: ReadonlySet<string>): AsyncIterable<DecodedEvent<E>> {
    for await (const recorded of this.recorded(streamId)) {
      if (handles === undefined || handles.has(recorded.type)) yield decodeRecordedEvent(this.catalog, recorded);
    }
  }

  /** Fold a stream into a state. */
  async fold<S>(streamId: string, init: S, evolve: (state: S, event: E) => S, handles?: ReadonlySet<string>): Promise<S> {
    let state = init;
    for await (const decoded of this.events(streamId, handles)) state = evolve(state, decoded.event);
    return state;
  }

  /** The stream's first event, or `undefined` for an empty stream: one event read. */
  async first(streamId: string): Promise<DecodedEvent<E> | undefined> {
    for await (const recorded of this.recorded(streamId, { maxCount: 1 })) return decodeRecordedEvent(this.catalog, recorded);
    return undefined;
  }

  /** The stream's last event, or `undefined` for an empty stream: one event read, backwards. */
  async last(streamId: string): Promise<DecodedEvent<E> | undefined> {
    for await (const recorded of this.recorded(streamId, { direction: 'backward', maxCount: 1 })) {
      return decodeRecordedEvent(this.catalog, recorded);
    }
    return undefined;
  }
}

/** A reader over a command context's store and catalog, for loading facts outside a command. */
export const factReader = <E extends DomainEvent>(context: { readonly store: EventStore; readonly catalog: EventCatalog<E> }): FactReader<E> =>
  new FactReader(context.store, context.catalog);
