import type * as t from 'io-ts';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../codecs/reporter.js';
import type { DomainError } from './decider.js';

/** Input that failed its codec: every problem, each naming its field. */
export interface InvalidInput extends DomainError {
  readonly code: 'INVALID_INPUT';
  readonly problems: readonly string[];
}

/**
 * Validate input at the boundary with its io-ts codec. The message lists every
 * problem as `path: reason`, so a user can fix them all in one go.
 */
export const validateInput = <A, O>(
  codec: t.Type<A, O>,
  input: unknown,
  prefix = '',
): Either<InvalidInput, A> => {
  const result = codec.decode(input);
  if (!isLeft(result)) return right(result.right);
  const problems = formatValidationErrors(result.left, prefix);
  return left({ code: 'INVALID_INPUT', message: problems.join('; '), problems });
};
