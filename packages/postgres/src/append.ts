import { ConcurrencyError, type AppendResult, type ExpectedRevision, type NewEvent } from '@collective-ledger/core';
import type { Database, Statement } from './database.js';
import { appendErrorOf, connectionErrorOf, isStreamPositionTaken } from './errors.js';
import { expectedParams, metadataJson } from './rows.js';
import { VALUES_LIMIT, type AppendStatements } from './sql/append.js';

interface AppendRow {
  readonly actual: string | bigint | null;
  readonly next_revision: string | bigint | null;
  readonly last_position: string | bigint | null;
}

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly recordedAt: string;
}

/** Each retry means another append to the same stream committed meanwhile, so this bound is only hit under a storm. */
const ATTEMPTS = 50;

const resultOf = (request: AppendRequest, row: AppendRow | undefined): AppendResult => {
  if (row === undefined) throw new Error(`the append to stream ${request.streamId} returned no result`);
  if (row.next_revision === null) throw new ConcurrencyError(request.streamId, request.expected, row.actual === null ? undefined : BigInt(row.actual));
  if (row.last_position === null) throw new Error(`the append to stream ${request.streamId} wrote nothing`);
  return { nextExpectedRevision: BigInt(row.next_revision), lastGlobalPosition: BigInt(row.last_position) };
};

/** Five parameters per event: id, type, data, metadata, recorded-at. */
const eventParams = (events: readonly NewEvent[], recordedAt: string): unknown[] =>
  events.flatMap((event) => [event.metadata.eventId, event.type, JSON.stringify(event.data), metadataJson(event, recordedAt), event.metadata.recordedAt ?? recordedAt]);

/** The statement for this many events, and its parameters (sql/append.ts). */
const statementFor = (statements: AppendStatements, request: AppendRequest): { statement: Statement; values: unknown[] } => {
  const { streamId, events, expected, recordedAt } = request;
  const head = [streamId, ...expectedParams(expected)];
  if (events.length > VALUES_LIMIT) {
    const values = [
      ...head,
      events.map((event) => event.metadata.eventId),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => metadataJson(event, recordedAt)),
    ];
    return { statement: statements.arrays, values };
  }
  return { statement: statements.values(events.length), values: [...head, ...eventParams(events, recordedAt)] };
};

/** What the caller sees: a ConcurrencyError or duplicate event id as such, otherwise the driver's error explained. */
const failureOf = (database: Database, request: AppendRequest, error: unknown): unknown => {
  if (error instanceof ConcurrencyError) return error;
  const ids = request.events.map((event) => event.metadata.eventId);
  return appendErrorOf(error, ids) ?? connectionErrorOf(error, database.location, `the append to stream ${request.streamId}`);
};

/**
 * An exact (or no-stream) expectation of at most VALUES_LIMIT events: one
 * statement that writes after the expected revision without reading the head
 * (sql/append.ts, appendNextStatement); when it is refused, one more read of
 * the head names it in the ConcurrencyError.
 */
const appendNext = async (database: Database, statements: AppendStatements, request: AppendRequest & { readonly expected: bigint | 'no_stream' }): Promise<AppendResult> => {
  const { streamId, events, expected, recordedAt } = request;
  const base = expected === 'no_stream' ? -1n : expected;
  try {
    const rows = await database.query<WrittenRow>(statements.next(events.length), [streamId, base.toString(), ...eventParams(events, recordedAt)]);
    if (rows.length > 0) return lastOf(rows);
  } catch (error) {
    if (!isStreamPositionTaken(error)) throw failureOf(database, request, error);
  }
  try {
    const [head] = await database.query<{ readonly actual: string | bigint | null }>(statements.head, [streamId]);
    throw new ConcurrencyError(streamId, expected, head?.actual == null ? undefined : BigInt(head.actual));
  } catch (error) {
    throw failureOf(database, request, error);
  }
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

const takesNextPositions = (request: AppendRequest): request is AppendRequest & { readonly expected: bigint | 'no_stream' } =>
  request.events.length <= VALUES_LIMIT && (typeof request.expected === 'bigint' || request.expected === 'no_stream');

/**
 * Send one append statement (sql/append.ts). With an exact or no-stream
 * expectation, see appendNext. Otherwise the statement reads the stream's head;
 * when a concurrent append to the same stream took the position it computed
 * from its snapshot, it is sent again: the new snapshot sees that append, and
 * the revision check decides anew.
 */
export const appendEvents = async (database: Database, statements: AppendStatements, request: AppendRequest): Promise<AppendResult> => {
  if (takesNextPositions(request)) return appendNext(database, statements, request);
  const { statement, values } = statementFor(statements, request);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [row] = await database.query<AppendRow>(statement, values);
      return resultOf(request, row);
    } catch (error) {
      if (isStreamPositionTaken(error) && attempt < ATTEMPTS) continue;
      throw failureOf(database, request, error);
    }
  }
};
