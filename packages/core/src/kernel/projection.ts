import { instantOf, isEarlier, type Instant } from '../codecs/instant.js';
import type { EventCatalog } from './catalog.js';
import { decodeRecordedEvent } from './decode.js';
import type { DecodedEvent, DomainEvent, RecordedEvent } from './event.js';
import { InvalidReadError } from './errors.js';
import { readAllInBatches, type EventStore } from './store.js';

/** A pure fold of events into a state: the shape of every report. */
export interface Projection<State, E extends DomainEvent = DomainEvent> {
  readonly name: string;
  /** Event types it reads; others are skipped without being decoded. Omit to see every event. */
  readonly handles?: readonly string[];
  readonly init: () => State;
  readonly apply: (state: State, event: DecodedEvent<E>) => State;
  /**
   * Optional: several events folded at once, with the state `apply` one by
   * one would give. `runProjection` hands over the events it reads a batch
   * at a time, so a projection can gather a batch's changes in working maps
   * of its own and make one new state for the batch, not one per event. The
   * state given is left as it is.
   */
  readonly applyAll?: (state: State, events: readonly DecodedEvent<E>[]) => State;
}

/** `events` folded into `state`: with `applyAll` when the projection has it, else one by one. */
export const foldEvents = <State, E extends DomainEvent>(projection: Projection<State, E>, state: State, events: readonly DecodedEvent<E>[]): State => {
  if (events.length === 0) return state;
  if (projection.applyAll !== undefined) return projection.applyAll(state, events);
  let next = state;
  for (const event of events) next = projection.apply(next, event);
  return next;
};

export interface ProjectionProgress {
  /** Events read from the store so far (including skipped ones). */
  readonly read: bigint;
  /** Events applied to the projection so far. */
  readonly applied: bigint;
  /** Global position of the last event read. */
  readonly position: bigint;
}

export interface RunProjectionOptions {
  /** Only events whose business date (`occurredOn`) is on or before this date. */
  readonly asOf?: string;
  /**
   * Only events the store recorded strictly before this moment (`recordedAt`;
   * ISO 8601 with seconds and a zone, e.g. `2024-03-31T18:00:00+08:00`): the
   * log as it stood then, whatever business dates it held.
   */
  readonly recordedBefore?: string;
  /** First global position to read (inclusive). */
  readonly fromPosition?: bigint;
  /** Last global position to read (inclusive): the log as it stood when it ended there. */
  readonly toPosition?: bigint;
  readonly onProgress?: (progress: ProjectionProgress) => void;
  /** Report progress every this many events read (default 100,000) and once at the end. */
  readonly progressEvery?: number;
  readonly signal?: AbortSignal;
}

/** A state already folded up to a position (a read model): a run from it folds only the events after it. */
export interface ProjectionStart<State> {
  readonly state: State;
  /** The global position of the last event the state has seen. */
  readonly position: bigint;
}

export interface ProjectionRun<State> extends ProjectionProgress {
  readonly state: State;
}

const throwIfAborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted === true) {
    throw signal.reason instanceof Error ? signal.reason : new Error('projection aborted', { cause: signal.reason });
  }
};

const fromOption = (fromPosition: bigint | undefined) => (fromPosition === undefined ? {} : { fromPosition });

/** The moment of `recordedBefore`, refused unless it is a timestamp with seconds and a zone. */
const recordedLimit = (recordedBefore: string | undefined): Instant | undefined => {
  if (recordedBefore === undefined) return undefined;
  const limit = instantOf(recordedBefore);
  if (limit === undefined) {
    throw new InvalidReadError('recordedBefore', `expected a timestamp YYYY-MM-DDTHH:mm:ss[.sss] with a zone (Z or +08:00), got ${JSON.stringify(recordedBefore)}`);
  }
  return limit;
};

/** True when the store recorded the event before `limit` (every store stamps `recordedAt` as a timestamp). */
const recordedInTime = (recorded: RecordedEvent, limit: Instant): boolean => {
  const at = instantOf(recorded.metadata.recordedAt);
  return at !== undefined && isEarlier(at, limit);
};

/** Which recorded events a run applies: the projection's types, on or before `asOf`, recorded before `recordedBefore`. */
export const eventSelector = (projection: { readonly handles?: readonly string[] }, options: RunProjectionOptions) => {
  const handles = projection.handles === undefined ? undefined : new Set(projection.handles);
  const { asOf } = options;
  const limit = recordedLimit(options.recordedBefore);
  return (recorded: RecordedEvent): boolean =>
    (handles === undefined || handles.has(recorded.type)) &&
    (asOf === undefined || recorded.metadata.occurredOn <= asOf) &&
    (limit === undefined || recordedInTime(recorded, limit));
};

/**
 * Fold `readAll` into a projection. Events are upcast and validated by the
 * catalog; an event that fails names its stream and position. The events
 * are folded a store batch at a time (`foldEvents`), cut at every progress
 * report, so a report counts exactly the events folded before it.
 */
export const runProjection = async <State, E extends DomainEvent>(
  store: EventStore,
  catalog: EventCatalog<E>,
  projection: Projection<State, E>,
  options: RunProjectionOptions & { readonly start?: ProjectionStart<State> } = {},
): Promise<ProjectionRun<State>> => {
  if (options.start !== undefined) {
    const { start, ...rest } = options;
    const run = await runProjection(store, catalog, { ...projection, init: () => start.state }, { ...rest, fromPosition: start.position + 1n });
    return run.read === 0n ? { ...run, position: start.position } : run;
  }
  const wanted = eventSelector(projection, options);
  const every = options.progressEvery ?? 100_000;
  // Plain numbers per event (exact up to 2^53 events); bigints only in what is reported.
  let read = 0;
  let applied = 0;
  let position = (options.fromPosition ?? 1n) - 1n;
  const progress = (): ProjectionProgress => ({ read: BigInt(read), applied: BigInt(applied), position });
  let state = projection.init();
  let pending: DecodedEvent<E>[] = [];
  const flush = (): void => {
    state = foldEvents(projection, state, pending);
    pending = [];
  };
  let untilReport = every;
  const step = (recorded: RecordedEvent): void => {
    read += 1;
    position = recorded.globalPosition;
    if (wanted(recorded)) {
      pending.push(decodedOrFlushed(catalog, recorded, flush));
      applied += 1;
    }
    if ((untilReport -= 1) === 0) {
      untilReport = every;
      flush();
      throwIfAborted(options.signal);
      options.onProgress?.(progress());
    }
  };
  throwIfAborted(options.signal);
  const last = options.toPosition;
  outer: for await (const batch of readAllInBatches(store, fromOption(options.fromPosition))) {
    for (const recorded of batch) {
      if (last !== undefined && recorded.globalPosition > last) break outer;
      step(recorded);
    }
    flush();
  }
  flush();
  options.onProgress?.(progress());
  return { state, ...progress() };
};

/** The event decoded; when it fails, the events before it are folded first, so that their own error would come first, as one by one. */
const decodedOrFlushed = <E extends DomainEvent>(catalog: EventCatalog<E>, recorded: RecordedEvent, flush: () => void): DecodedEvent<E> => {
  try {
    return decodeRecordedEvent(catalog, recorded);
  } catch (error) {
    flush();
    throw error;
  }
};

/** Run several projections in one pass over the store: the state is a record of theirs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each member keeps its own state type
export const combineProjections = <P extends Record<string, Projection<any, E>>, E extends DomainEvent>(
  name: string,
  projections: P,
): Projection<{ [K in keyof P]: ReturnType<P[K]['init']> }, E> => {
  const entries = Object.entries(projections);
  const allHandle = entries.every(([, p]) => p.handles !== undefined);
  const handles = allHandle ? [...new Set(entries.flatMap(([, p]) => p.handles ?? []))] : undefined;
  type S = { [K in keyof P]: ReturnType<P[K]['init']> };
  const members = entries.map(([key, projection]) => ({ key, projection, types: projection.handles === undefined ? undefined : new Set(projection.handles) }));
  // The members that read each event type, found once per type: one lookup an event.
  const readers = new Map<string, typeof members>();
  const readersOf = (type: string): typeof members => {
    let found = readers.get(type);
    if (found === undefined) readers.set(type, (found = members.filter(({ types }) => types === undefined || types.has(type))));
    return found;
  };
  return {
    name,
    ...(handles === undefined ? {} : { handles }),
    init: () => Object.fromEntries(entries.map(([k, p]) => [k, p.init()])) as S,
    // A new record only when a member's state is a new value, copied once
    // however many members change.
    apply: (state, event) => {
      let next: Record<string, unknown> = state;
      for (const { key, projection } of readersOf(event.event.type)) {
        const before = next[key];
        const after: unknown = projection.apply(before, event);
        if (after === before) continue;
        if (next === state) next = { ...state };
        next[key] = after;
      }
      return next as S;
    },
    // Each member folds the batch's events of its types: members see only their own state, so the order between members does not matter.
    applyAll: (state, events) => {
      let next: Record<string, unknown> = state;
      for (const { key, projection, types } of members) {
        const before = next[key];
        const after: unknown = foldEvents(projection, before, types === undefined ? events : events.filter((e) => types.has(e.event.type)));
        if (after === before) continue;
        if (next === state) next = { ...state };
        next[key] = after;
      }
      return next as S;
    },
  };
};
