import {
  decodeRecordedEvent,
  type DomainEvent,
  type EventCatalog,
  type JsonValue,
  type Projection,
  type RecordedEvent,
} from '@collective-ledger/core';
import { connectionErrorOf } from './errors.js';
import { readRetryingOnce } from './retry.js';
import { projectionStatements } from './sql/projections.js';
import type { PostgresEventStore } from './store.js';

/**
 * A projection whose state lives in PostgreSQL beside its checkpoint. Its
 * state must survive JSON: `encode` and `decode` say how (Money as decimal
 * strings, maps as arrays). Change `version` whenever `apply` or the state's
 * shape changes: the stored state is then thrown away and rebuilt from the start.
 */
export interface DurableProjection<State, E extends DomainEvent = DomainEvent> extends Projection<State, E> {
  readonly version: number;
  readonly encode: (state: State) => JsonValue;
  readonly decode: (json: JsonValue) => State;
}

export interface DurableRunOptions {
  /** Events read (and checkpointed) per batch; default 1,000. */
  readonly batchSize?: number;
  /** Stop after this many batches (a worker that processes a slice at a time). */
  readonly maxBatches?: number;
  /** Told after each batch is committed. */
  readonly onBatch?: (progress: { readonly position: bigint; readonly batches: number }) => void | Promise<void>;
  /** Checked between batches: an abort stops after the last committed batch. */
  readonly signal?: AbortSignal;
}

export interface DurableRun<State> {
  readonly state: State;
  /** Global position of the last event folded in (0 when none). */
  readonly position: bigint;
  /** Batches committed by this run. */
  readonly batches: number;
  /** True when the stored state was missing or of another version, so this run started from the first event. */
  readonly rebuilt: boolean;
}

/** Another runner moved the projection's checkpoint while this one ran: this one stops, nothing of its batch is kept. */
export class ProjectionConflictError extends Error {
  override readonly name = 'ProjectionConflictError';
  readonly code = 'PROJECTION_CONFLICT';
  constructor(name: string) {
    super(`projection ${name}: its checkpoint was moved by another runner; run it again to continue from there`);
  }
}

interface StoredProjection {
  readonly version: number;
  readonly position: string | bigint;
  readonly state: JsonValue;
}

const applyBatch = <State, E extends DomainEvent>(
  catalog: EventCatalog<E>,
  projection: DurableProjection<State, E>,
  state: State,
  batch: readonly RecordedEvent[],
): State => {
  const handles = projection.handles === undefined ? undefined : new Set(projection.handles);
  let next = state;
  for (const recorded of batch) {
    if (handles === undefined || handles.has(recorded.type)) next = projection.apply(next, decodeRecordedEvent(catalog, recorded));
  }
  return next;
};

/** The stored row of a projection, and a save that only goes through if the row is still where it was. */
const checkpointOf = async <State, E extends DomainEvent>(store: PostgresEventStore, projection: DurableProjection<State, E>) => {
  const sql = projectionStatements(store.schema);
  const [stored] = await readRetryingOnce(() => store.database.query<StoredProjection>(sql.load, [projection.name]));
  const rebuilt = stored === undefined || stored.version !== projection.version;
  let at = { version: stored?.version ?? null, position: stored === undefined ? null : BigInt(stored.position).toString() };
  const save = async (state: State, position: bigint): Promise<void> => {
    const json = JSON.stringify(projection.encode(state));
    const values = [projection.name, projection.version, position.toString(), json, at.version, at.position];
    const rows = await store.database.query(sql.save, values);
    if (rows.length === 0) throw new ProjectionConflictError(projection.name);
    at = { version: projection.version, position: position.toString() };
  };
  if (rebuilt) return { state: projection.init(), position: 0n, rebuilt, save };
  return { state: projection.decode(stored.state), position: BigInt(stored.position), rebuilt, save };
};

const runBatches = async <State, E extends DomainEvent>(
  store: PostgresEventStore,
  catalog: EventCatalog<E>,
  projection: DurableProjection<State, E>,
  options: DurableRunOptions,
): Promise<DurableRun<State>> => {
  const checkpoint = await checkpointOf(store, projection);
  let { state, position } = checkpoint;
  let batches = 0;
  const size = options.batchSize ?? 1_000;
  for await (const batch of store.readAllBatches({ fromPosition: position + 1n, batchSize: size })) {
    const last = batch.at(-1);
    if (options.signal?.aborted === true || last === undefined) break;
    const next = applyBatch(catalog, projection, state, batch);
    await checkpoint.save(next, last.globalPosition);
    [state, position, batches] = [next, last.globalPosition, batches + 1];
    await options.onBatch?.({ position, batches });
    if (options.maxBatches !== undefined && batches >= options.maxBatches) break;
  }
  if (checkpoint.rebuilt && batches === 0) await checkpoint.save(state, position);
  return { state, position, batches, rebuilt: checkpoint.rebuilt };
};

/**
 * Bring a durable projection up to date: resume from its checkpoint (or
 * rebuild when its version changed), and after each batch write the new state
 * and checkpoint in one statement, so a crash at any point leaves the state
 * of a whole number of batches: no event is applied twice or skipped. A lost
 * connection is `ConnectionLostError`; the next run resumes after the last
 * batch committed.
 */
export const runDurableProjection = async <State, E extends DomainEvent>(
  store: PostgresEventStore,
  catalog: EventCatalog<E>,
  projection: DurableProjection<State, E>,
  options: DurableRunOptions = {},
): Promise<DurableRun<State>> => {
  try {
    return await runBatches(store, catalog, projection, options);
  } catch (error) {
    throw connectionErrorOf(error, store.database.location, `the projection ${projection.name}`);
  }
};
