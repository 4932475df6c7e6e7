import { ConcurrencyError, type ExpectedRevision } from '@collective-ledger/core';
import { WrongExpectedVersionError, type AppendExpectedRevision } from '@eventstore/db-client';

/**
 * The kernel's expected revision as the client's: `'any'`, `'no_stream'` and
 * `'stream_exists'` by the same names, an exact revision as the same bigint.
 */
export const clientRevisionOf = (expected: ExpectedRevision): AppendExpectedRevision => expected;

/** The revision a stream is sealed against as the exact expectation sent: its last position, or `'no_stream'`. */
export const sealedRevisionOf = (head: bigint | undefined): AppendExpectedRevision => clientRevisionOf(head ?? 'no_stream');

/** The stream's revision the server reported with a refusal (`undefined`: the stream does not exist). */
export const actualRevisionOf = (error: WrongExpectedVersionError): bigint | undefined =>
  typeof error.actualVersion === 'bigint' && error.actualVersion >= 0n ? error.actualVersion : undefined;

/** The server's refusal as the kernel's one error for a wrong expected revision. */
export const concurrencyErrorOf = (streamId: string, expected: ExpectedRevision, error: WrongExpectedVersionError): ConcurrencyError =>
  new ConcurrencyError(streamId, expected, actualRevisionOf(error));

export const isWrongExpectedVersion = (error: unknown): error is WrongExpectedVersionError => error instanceof WrongExpectedVersionError;
