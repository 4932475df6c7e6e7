import * as t from 'io-ts';
import { SelfDecodingType } from './primitives.js';

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

// io-ts codecs whose validate is `is(u) ? success(u) : failure(u, c)`, as their constructors make them.
const SELF_DECODING_TAGS: ReadonlySet<string> = new Set(['StringType', 'NumberType', 'BooleanType', 'LiteralType', 'KeyofType']);

/**
 * Whether a valid input of `codec` decodes to itself and `is` alone says it
 * is valid: a struct or an array then checks such a field with `is`, keeps
 * it as it is, and validates only when `is` refuses it (for the errors).
 * That spares a validation and its `Right` for every id, date, name and key
 * of a replay.
 */
export const isSelfDecoding = (codec: t.Mixed): boolean =>
  codec instanceof SelfDecodingType || SELF_DECODING_TAGS.has((codec as { readonly _tag?: unknown })._tag as string);
