import * as t from 'io-ts';

/**
 * Validate a field or an element: first in its parent's context, which
 * allocates nothing, and only when that fails once more in its own context,
 * so that the error path names it. io-ts uses a context for nothing but the
 * errors it reports, and a replay validates every field of millions of events.
 */
export const validateChild = (codec: t.Mixed, value: unknown, context: t.Context, key: string): t.Validation<unknown> => {
  const result = codec.validate(value, context);
  return result._tag === 'Right' ? result : codec.validate(value, t.appendContext(context, key, codec, value));
};
