import { isLeft, type Either } from 'fp-ts/lib/Either.js';

/** The example builds valid books: a refusal is a bug in the example, so it stops with the service's message. */
export const orFail = <E extends { readonly message: string }, A>(result: Either<E, A>): A => {
  if (isLeft(result)) throw new Error(result.left.message);
  return result.right;
};
