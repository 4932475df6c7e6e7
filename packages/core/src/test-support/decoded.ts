import type * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../codecs/reporter.js';

/** Decode a literal through its codec in a test, so branded types come out right. */
export const decoded = <A, O>(codec: t.Type<A, O>, value: unknown): A => {
  const result = codec.decode(value);
  if (isLeft(result)) throw new Error(formatValidationErrors(result.left).join('; '));
  return result.right;
};
