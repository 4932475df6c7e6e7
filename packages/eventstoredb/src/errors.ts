import { CancelledError, DeadlineExceededError, StreamNotFoundError, UnavailableError, WrongExpectedVersionError, isCommandError } from '@eventstore/db-client';

/** A connection string the adapter cannot use; nothing was sent anywhere. */
export class InvalidConnectionStringError extends Error {
  override readonly name = 'InvalidConnectionStringError';
  readonly code = 'INVALID_CONNECTION_STRING';
  constructor(location: string, reason: string) {
    super(`EventStoreDB connection string ${location}: ${reason}; give esdb://host:2113?tls=false (one node) or esdb+discover://host:2113 (a cluster)`);
  }
}

/** The server could not be reached (refused, gone, or silent past the deadline), after the adapter's retries. */
export class EventStoreDbUnreachableError extends Error {
  override readonly name = 'EventStoreDbUnreachableError';
  readonly code = 'EVENTSTOREDB_UNREACHABLE';
  constructor(
    readonly location: string,
    operation: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`EventStoreDB at ${location} is not reachable: ${operation} failed (${reason})`, options);
  }
}

/** The server answered, but refused the operation for a reason the books cannot act on (access denied, a deleted stream...). */
export class EventStoreDbRefusedError extends Error {
  override readonly name = 'EventStoreDbRefusedError';
  readonly code = 'EVENTSTOREDB_REFUSED';
  constructor(location: string, operation: string, reason: string, options?: ErrorOptions) {
    super(`EventStoreDB at ${location} refused ${operation}: ${reason}`, options);
  }
}

/**
 * Errors that a later attempt may not meet: the connection dropped, the
 * server restarted (a call cut by a restart comes back CANCELLED) or did not
 * answer in time.
 */
export const isTransient = (error: unknown): boolean =>
  error instanceof UnavailableError || error instanceof DeadlineExceededError || error instanceof CancelledError;

/** The first line of what went wrong, without the gRPC status prefix the client puts before it. */
export const reasonOf = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0] ?? message;
  return line.replace(/^\d+ [A-Z_]+: /, '').trim() || 'no reason given';
};

/**
 * A client error as a sentence naming the server and the operation. The two
 * answers the adapter acts on (a wrong expected version, a stream not found)
 * and errors that are not the client's go through unchanged.
 */
export const userErrorOf = (error: unknown, location: string, operation: string): unknown => {
  if (error instanceof WrongExpectedVersionError || error instanceof StreamNotFoundError) return error;
  if (isTransient(error)) return new EventStoreDbUnreachableError(location, operation, reasonOf(error), { cause: error });
  if (error instanceof Error && isCommandError(error)) return new EventStoreDbRefusedError(location, operation, reasonOf(error), { cause: error });
  return error;
};
