import * as t from 'io-ts';
import { isSelfDecoding, validateChild } from './child.js';

/**
 * `t.array(item)`, validating each element with {@link validateChild}: the
 * same results and error paths (`lines[1].amount`), without building a
 * context for every element that is fine.
 */
export const arrayOf = <C extends t.Mixed>(item: C, name = `Array<${item.name}>`): t.ArrayC<C> => {
  const selfDecoding = isSelfDecoding(item);
  return new t.ArrayType<C, t.TypeOf<C>[], t.OutputOf<C>[]>(
    name,
    (u): u is t.TypeOf<C>[] => Array.isArray(u) && u.every((e) => item.is(e)),
    (u, c) => {
      if (!Array.isArray(u)) return t.failure(u, c);
      const out: unknown[] = new Array<unknown>(u.length);
      let errors: t.ValidationError[] | undefined; // made on the first error
      for (let i = 0; i < u.length; i += 1) {
        const element: unknown = u[i];
        if (selfDecoding && item.is(element)) {
          out[i] = element;
          continue;
        }
        const result = validateChild(item, element, c, String(i));
        if (result._tag === 'Left') (errors ??= []).push(...result.left);
        else out[i] = result.right;
      }
      return errors === undefined ? t.success(out) : t.failures(errors);
    },
    (a) => a.map((e) => item.encode(e) as t.OutputOf<C>),
    item,
  );
};
