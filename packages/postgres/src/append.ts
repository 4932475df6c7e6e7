import { ConcurrencyError, type AppendResult, type ExpectedRevision, type NewEvent } from '@collective-ledger/core';
import type { Database, Statement } from './database.js';
import { appendErrorOf, connectionErrorOf, isStreamPositionTaken } from './errors.js';
import { expectedParams, metadataJson } from './rows.js';

interface AppendRow {
  readonly ok: boolean;
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
  if (!row.ok) throw new ConcurrencyError(request.streamId, request.expected, row.actual === null ? undefined : BigInt(row.actual));
  if (row.next_revision === null || row.last_position === null) throw new Error(`the append to stream ${request.streamId} wrote nothing`);
  return { nextExpectedRevision: BigInt(row.next_revision), lastGlobalPosition: BigInt(row.last_position) };
};

/**
 * Send one append statement (sql/append.ts); when a concurrent append to the
 * same stream took the position it computed from its snapshot, send it again:
 * the new snapshot sees that append, and the revision check decides anew.
 */
export const appendEvents = async (database: Database, statement: Statement, request: AppendRequest): Promise<AppendResult> => {
  const { streamId, events, expected, recordedAt } = request;
  const values = [
    streamId,
    ...expectedParams(expected),
    events.map((event) => event.metadata.eventId),
    events.map((event) => event.type),
    events.map((event) => JSON.stringify(event.data)),
    events.map((event) => metadataJson(event, recordedAt)),
  ];
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [row] = await database.query<AppendRow>(statement, values);
      return resultOf(request, row);
    } catch (error) {
      if (isStreamPositionTaken(error) && attempt < ATTEMPTS) continue;
      if (error instanceof ConcurrencyError) throw error;
      const ids = events.map((event) => event.metadata.eventId);
      throw appendErrorOf(error, ids) ?? connectionErrorOf(error, database.location, `the append to stream ${streamId}`);
    }
  }
};
