import { ConcurrencyError } from './errors.js';
import type { ExpectedRevision } from './store.js';

/**
 * Check an expected revision against a stream's current revision (`undefined`
 * when the stream has no events). Shared by every adapter so they agree exactly.
 */
export const checkExpectedRevision = (
  streamId: string,
  expected: ExpectedRevision,
  actual: bigint | undefined,
): void => {
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && actual === undefined) ||
    (expected === 'stream_exists' && actual !== undefined) ||
    (typeof expected === 'bigint' && actual === expected);
  if (!holds) throw new ConcurrencyError(streamId, expected, actual);
};
