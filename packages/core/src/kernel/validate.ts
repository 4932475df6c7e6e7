import type * as t from 'io-ts';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../codecs/reporter.js';
import { unknownFields } from '../codecs/unknown-fields.js';
import type { DomainError } from './decider.js';

/** Input that failed its codec: every problem, each naming its field. */
export interface InvalidInput extends DomainError {
  readonly code: 'INVALID_INPUT';
  readonly problems: readonly string[];
}

/**
 * Validate a command's input at the boundary with its io-ts codec, strictly: a
 * key the codec does not know, at any depth, is refused too, with the field it
 * probably meant (`reverse: unknown field; did you mean reverses?`). The
 * message lists every problem as `path: reason`, so a user can fix them all in
 * one go.
 */
export const validateInput = <A, O>(
  codec: t.Type<A, O>,
  input: unknown,
  prefix = '',
): Either<InvalidInput, A> => {
  const result = codec.decode(input);
  const unknown = unknownFields(codec, input, prefix);
  if (!isLeft(result) && unknown.length === 0) return right(result.right);
  const problems = [
    ...(isLeft(result) ? formatValidationErrors(result.left, prefix) : []),
    ...unknown.map((issue) => `${issue.path}: ${issue.message}`),
  ];
  return left({ code: 'INVALID_INPUT', message: problems.join('; '), problems });
};
