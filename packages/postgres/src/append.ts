import {
  ChainBrokenError,
  ConcurrencyError,
  EMPTY_CHAIN,
  sealEvents,
  type AppendResult,
  type ChainHead,
  type EventMetadata,
  type ExpectedRevision,
  type NewEvent,
} from '@collective-ledger/core';
import type { Database, Statement } from './database.js';
import { appendErrorOf, connectionErrorOf, isStreamPositionTaken } from './errors.js';
import { committedRowsOf } from './lost-append.js';
import { readRetryingOnce, retryingOnce } from './retry.js';
import { storedDuplicateOf } from './duplicates.js';
import { scopeRefusalOf } from './scope-errors.js';
import type { ChainHeads } from './heads.js';
import { VALUES_LIMIT, type AppendStatements } from './sql/append.js';

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly recordedAt: string;
}

/** What an append runs on: the database, the schema's statements and the store's remembered heads. */
export interface AppendTarget {
  readonly database: Database;
  readonly statements: AppendStatements;
  readonly heads: ChainHeads;
}

/** Each retry means another append to the same stream committed meanwhile, so this bound is only hit under a storm. */
const ATTEMPTS = 50;

type Exact = bigint | 'no_stream';
const isExact = (expected: ExpectedRevision): expected is Exact => typeof expected === 'bigint' || expected === 'no_stream';

interface HeadRow {
  readonly position: string | bigint;
  readonly hash: string | null;
}

/** The stream's last event as stored now (EMPTY_CHAIN for no stream). */
const readHead = async (target: AppendTarget, streamId: string): Promise<ChainHead> => {
  const [row] = await readRetryingOnce(() => target.database.query<HeadRow>(target.statements.head, [streamId]));
  return row === undefined ? EMPTY_CHAIN : { position: BigInt(row.position), hash: row.hash };
};

/**
 * The head to append after, as the expectation names it, or undefined when it
 * cannot hold. An exact revision needs the hash at that position: remembered,
 * or one row read by the stream index; `any` and `stream_exists` take the
 * remembered head unless `fresh`, else read the last row.
 */
const baseOf = async (target: AppendTarget, request: AppendRequest, fresh: boolean): Promise<ChainHead | undefined> => {
  const { streamId, expected } = request;
  if (expected === 'no_stream') return EMPTY_CHAIN;
  const known = fresh ? undefined : target.heads.get(streamId);
  if (typeof expected === 'bigint') {
    if (known !== undefined && known.position >= expected) return known.position === expected ? known : undefined;
    const at = [streamId, expected.toString()];
    const [row] = await readRetryingOnce(() => target.database.query<{ readonly hash: string | null }>(target.statements.hashAt, at));
    return row === undefined ? undefined : { position: expected, hash: row.hash };
  }
  const head = known ?? (await readHead(target, streamId));
  return expected === 'stream_exists' && head.position < 0n ? undefined : head;
};

/** Five parameters per event: id, type, data, metadata, recorded-at. */
const eventParams = (events: readonly NewEvent[], metadata: readonly EventMetadata[]): unknown[] =>
  events.flatMap((event, i) => [event.metadata.eventId, event.type, JSON.stringify(event.data), JSON.stringify(metadata[i]), metadata[i]?.recordedAt]);

/** The statement that writes these events after `base`, and its parameters (sql/append.ts). */
const statementFor = (statements: AppendStatements, request: AppendRequest, base: bigint, metadata: readonly EventMetadata[]): { statement: Statement; values: unknown[] } => {
  const { streamId, events } = request;
  const head = [streamId, base.toString()];
  if (events.length <= VALUES_LIMIT) return { statement: statements.next(events.length), values: [...head, ...eventParams(events, metadata)] };
  const values = [
    ...head,
    events.map((event) => event.metadata.eventId),
    events.map((event) => event.type),
    events.map((event) => JSON.stringify(event.data)),
    metadata.map((m) => JSON.stringify(m)),
  ];
  return { statement: statements.arrays, values };
};

interface WrittenRow {
  readonly stream_position: string | bigint;
  readonly global_position: string | bigint;
}

/** The last positions written, whatever order RETURNING gave the rows in. */
const lastOf = (rows: readonly WrittenRow[]): AppendResult => {
  let stream = -1n;
  let global = -1n;
  for (const row of rows) {
    const s = BigInt(row.stream_position);
    const g = BigInt(row.global_position);
    if (s > stream) stream = s;
    if (g > global) global = g;
  }
  return { nextExpectedRevision: stream, lastGlobalPosition: global };
};

/** What the caller sees: a store error as such, a duplicate event id named, otherwise the driver's error explained. */
const failureOf = (database: Database, request: AppendRequest, error: unknown): unknown => {
  if (error instanceof ConcurrencyError || error instanceof ChainBrokenError) return error;
  const ids = request.events.map((event) => event.metadata.eventId);
  return appendErrorOf(error, ids) ?? connectionErrorOf(error, database.location, `the append to stream ${request.streamId}`);
};

/** Seal the events after `base` and write them there: the result, or undefined when the position was not free. */
const writeAfter = async (target: AppendTarget, request: AppendRequest, base: ChainHead): Promise<AppendResult | undefined> => {
  const sealed = sealEvents(request.streamId, request.events, base, request.recordedAt);
  const { statement, values } = statementFor(target.statements, request, base.position, sealed.metadata);
  const placed = { streamId: request.streamId, events: request.events, base: base.position };
  let sent = false;
  // The statement is the append's whole transaction. When its connection dies,
  // it is sent once more on a new one, unless it was committed before: then it
  // is answered as it was (an event id is stored once only, so never twice).
  const write = async (): Promise<readonly WrittenRow[]> => {
    const committed = sent ? await committedRowsOf(target.database, target.statements, placed) : undefined;
    sent = true;
    return committed ?? target.database.query<WrittenRow>(statement, values);
  };
  try {
    const rows = await retryingOnce(write);
    if (rows.length === 0) return undefined;
    target.heads.note(request.streamId, sealed.head);
    return lastOf(rows);
  } catch (error) {
    if (isStreamPositionTaken(error)) return undefined;
    throw error;
  }
};

/** One try: the result, or undefined when another append came first (so the head must be read again). */
const attemptAppend = async (target: AppendTarget, request: AppendRequest, fresh: boolean): Promise<AppendResult | 'conflict' | undefined> => {
  const base = await baseOf(target, request, fresh);
  if (base === undefined) return 'conflict';
  try {
    return await writeAfter(target, request, base);
  } catch (error) {
    // A carried hash checked against a remembered head that others have moved on from: check it against the real one.
    if (error instanceof ChainBrokenError && !fresh && !isExact(request.expected)) return undefined;
    throw error;
  }
};

/** A refused expectation: one read of the head names it in the ConcurrencyError. */
const conflictOf = async (target: AppendTarget, request: AppendRequest): Promise<ConcurrencyError> => {
  const head = await readHead(target, request.streamId);
  return new ConcurrencyError(request.streamId, request.expected, head.position < 0n ? undefined : head.position);
};

/**
 * Append after the head the expectation names (see baseOf), sealing each event
 * with its chain hash at its position: one statement when the head is known,
 * as after a read or an append by this store, two otherwise. When the
 * position is taken (or the expectation fails), an exact or no-stream
 * expectation is a ConcurrencyError naming the head; `any` and
 * `stream_exists` read the head again and decide anew, so concurrent `any`
 * appends to one stream all succeed, one after the other.
 */
export const appendEvents = async (target: AppendTarget, request: AppendRequest): Promise<AppendResult> => {
  try {
    for (let attempt = 1; ; attempt += 1) {
      const result = await attemptAppend(target, request, attempt > 1);
      if (result !== undefined && result !== 'conflict') return result;
      if (result === 'conflict' || isExact(request.expected) || attempt >= ATTEMPTS) throw await conflictOf(target, request);
    }
  } catch (error) {
    throw await refusalOf(target, request, error);
  }
};

/**
 * What a failed append answers: a stored event id first, as on every store
 * (a retried append is a duplicate, not a conflict or a broken chain), then a
 * stream outside the role's scope, then the error itself explained.
 */
const refusalOf = async (target: AppendTarget, request: AppendRequest, error: unknown): Promise<unknown> => {
  const refused = error instanceof ChainBrokenError || error instanceof ConcurrencyError;
  const duplicate = refused ? await storedDuplicateOf(target.database, target.statements, request.events).catch(() => undefined) : undefined;
  if (duplicate !== undefined) return duplicate;
  return (await scopeRefusalOf(error, target.database, () => Promise.resolve(request.streamId))) ?? failureOf(target.database, request, error);
};
