import { DuplicateEventError, type NewEvent } from '@collective-ledger/core';
import type { Queryable } from './database.js';
import { originalIds } from './errors.js';
import { readRetryingOnce } from './retry.js';
import type { AppendStatements } from './sql/append.js';

/**
 * The DuplicateEventError an append or import of `events` stands for, when
 * one of them is stored already. Asked when sealing refused the events: the
 * other stores look for stored ids first, so an event stored once and sent
 * again elsewhere is a duplicate on every store, not a broken chain.
 */
export const storedDuplicateOf = async (
  db: Queryable,
  statements: AppendStatements,
  events: readonly NewEvent[],
): Promise<DuplicateEventError | undefined> => {
  const ids = events.map((event) => event.metadata.eventId);
  const rows = await readRetryingOnce(() => db.query<{ readonly id: string }>(statements.storedIds, [ids]));
  return rows.length === 0 ? undefined : new DuplicateEventError(originalIds(ids, rows.map((row) => row.id)));
};
