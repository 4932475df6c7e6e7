import { DuplicateEventError } from '@collective-ledger/core';
import { APPEND_ONLY } from './sql/append-only.js';

/** The database could not be reached or refused the connection. Says where it tried, never the password. */
export class DatabaseUnreachableError extends Error {
  override readonly name = 'DatabaseUnreachableError';
  readonly code = 'DATABASE_UNREACHABLE';
  constructor(readonly location: string, reason: string, options?: ErrorOptions) {
    super(`cannot connect to PostgreSQL at ${location}: ${reason}`, options);
  }
}

/**
 * The connection died while an operation ran (the server ended the backend,
 * restarted, or the network dropped). The transaction was not committed by
 * this connection; a retry is safe because a stored event id is refused.
 */
export class ConnectionLostError extends Error {
  override readonly name = 'ConnectionLostError';
  readonly code = 'CONNECTION_LOST';
  constructor(operation: string, location: string, reason: string, options?: ErrorOptions) {
    super(
      `the connection to PostgreSQL at ${location} was lost during ${operation} (${reason}); ` +
        'it did not complete and its transaction was rolled back: retry it (events already stored are refused as duplicates)',
      options,
    );
  }
}

/**
 * The database refused to change or remove stored events (the triggers of
 * migration 4): the log is append-only. Names the operation and the table.
 */
export class EventLogAppendOnlyError extends Error {
  override readonly name = 'EventLogAppendOnlyError';
  readonly code = 'EVENT_LOG_APPEND_ONLY';
  constructor(readonly operation: string, readonly table: string, options?: ErrorOptions) {
    super(
      `the event log is append-only: the database refused ${operation} of ${table} ` +
        '(a stored event is never changed or removed; record a correcting event, such as a reversing voucher, instead)',
      options,
    );
  }
}

interface DriverError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly detail?: unknown;
  readonly constraint?: unknown;
  readonly errors?: unknown;
}

const fieldsOf = (error: unknown): DriverError => (typeof error === 'object' && error !== null ? error : {});

export const sqlStateOf = (error: unknown): string | undefined => {
  const code = fieldsOf(error).code;
  return typeof code === 'string' ? code : undefined;
};

const messageOf = (error: unknown): string => {
  const { message, errors } = fieldsOf(error);
  if (typeof message === 'string' && message !== '') return message;
  if (Array.isArray(errors) && errors.length > 0) return messageOf(errors[0]);
  return String(error);
};

const REFUSED_CHANGE = /append-only; (\w+) of (\S+) refused/;

/** The trigger's refusal (`CLAPO`) as `EventLogAppendOnlyError`, or undefined when the error is another. */
export const appendOnlyErrorOf = (error: unknown): EventLogAppendOnlyError | undefined => {
  if (sqlStateOf(error) !== APPEND_ONLY) return undefined;
  const [, operation = 'a change', table = 'the events table'] = REFUSED_CHANGE.exec(messageOf(error)) ?? [];
  return new EventLogAppendOnlyError(operation, table, { cause: error });
};

/** Socket errors and server answers that mean "no usable connection". */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', '28P01', '28000', '3D000', '57P03']);
/** The server ended the session, or the socket closed under it. */
const LOST = new Set(['57P01', '57P02', '08006', '08003', '08000', 'ECONNRESET', 'EPIPE']);

/** The driver's error says the connection is dead (ended by the server, or its socket closed): a new one may work. */
export const isConnectionLost = (error: unknown): boolean => {
  if (error instanceof ConnectionLostError) return true;
  const code = sqlStateOf(error);
  if (code !== undefined && LOST.has(code)) return true;
  return /Connection terminated|connection is closed|is not queryable/i.test(messageOf(error));
};

/** No usable connection: it was lost, or a new one could not be made. */
export const isConnectionFailure = (error: unknown): boolean => {
  if (error instanceof DatabaseUnreachableError || isConnectionLost(error)) return true;
  const code = sqlStateOf(error);
  return code !== undefined && UNREACHABLE.has(code);
};

/** Connection-level failures (and the append-only refusal) as the store's own errors; anything else unchanged. */
export const connectionErrorOf = (error: unknown, location: string, operation: string): unknown => {
  if (error instanceof DatabaseUnreachableError || error instanceof ConnectionLostError) return error;
  const refused = appendOnlyErrorOf(error);
  if (refused !== undefined) return refused;
  const code = sqlStateOf(error);
  if (code !== undefined && UNREACHABLE.has(code)) return new DatabaseUnreachableError(location, messageOf(error), { cause: error });
  if (isConnectionLost(error)) return new ConnectionLostError(operation, location, messageOf(error), { cause: error });
  return error;
};

/** Our own SQLSTATE for a stored event id, raised by the import function (sql/events.ts). */
export const DUPLICATE_EVENT = 'CLDUP';

/** The unique (stream_id, stream_position) index refused a row: another append to the stream came first. */
export const isStreamPositionTaken = (error: unknown): boolean => {
  const { detail, constraint } = fieldsOf(error);
  if (sqlStateOf(error) !== '23505') return false;
  // Under row-level security (migration 5) the server leaves the key out of the detail; the constraint still names it.
  return constraint === 'events_stream_position_key' || (typeof detail === 'string' && detail.includes('(stream_id, stream_position)'));
};

const UNIQUE_EVENT_ID = /\(event_id\)=\(([^)]+)\)/;

/** The domain error a refused append stands for, or undefined when it is not one. */
export const appendErrorOf = (error: unknown, eventIds: readonly string[]): Error | undefined => {
  const code = sqlStateOf(error);
  const detail = fieldsOf(error).detail;
  const text = typeof detail === 'string' ? detail : '';
  if (code === DUPLICATE_EVENT) return new DuplicateEventError(originalIds(eventIds, text.split(',')));
  if (code === '23505') {
    const stored = UNIQUE_EVENT_ID.exec(text)?.[1];
    if (stored !== undefined) return new DuplicateEventError(originalIds(eventIds, [stored]));
    // A role under row-level security is not shown the key: the event ids it sent are the ones in question.
    if (fieldsOf(error).constraint === 'events_event_id_key' && eventIds.length > 0) return new DuplicateEventError([...new Set(eventIds)]);
  }
  return undefined;
};

/** The caller's spelling of event ids the database reported (uuids come back lower-case). */
export const originalIds = (given: readonly string[], stored: readonly string[]): string[] => {
  const wanted = new Set(stored.map((id) => id.toLowerCase()));
  const found = given.filter((id) => wanted.has(id.toLowerCase()));
  return found.length > 0 ? [...new Set(found)] : [...stored];
};
