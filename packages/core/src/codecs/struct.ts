import * as t from 'io-ts';
import { isSelfDecoding, validateChild } from './child.js';

type Optional<O extends t.Props> = { [K in keyof O]?: t.TypeOf<O[K]> };
type OptionalOutput<O extends t.Props> = { [K in keyof O]?: t.OutputOf<O[K]> };

/** The type a {@link struct} decodes to: the required fields, and the optional ones when present. */
export type StructType<R extends t.Props, O extends t.Props> = t.TypeOf<t.TypeC<R>> & Optional<O>;
export type StructOutput<R extends t.Props, O extends t.Props> = t.OutputOf<t.TypeC<R>> & OptionalOutput<O>;

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

interface Field {
  readonly key: string;
  readonly codec: t.Mixed;
  readonly optional: boolean;
  readonly selfDecoding: boolean;
}

const fieldsOf = (required: t.Props, optional: t.Props): Field[] => [
  ...Object.entries(required).map(([key, codec]) => ({ key, codec, optional: false, selfDecoding: isSelfDecoding(codec) })),
  ...Object.entries(optional).map(([key, codec]) => ({ key, codec, optional: true, selfDecoding: isSelfDecoding(codec) })),
];

/** A field's value decoded: `undefined` when it is valid as it is (or absent and optional), else the failure or the new value. */
const changedField = (field: Field, value: unknown, c: t.Context): t.Validation<unknown> | undefined => {
  if (value === undefined && field.optional) return undefined;
  if (field.selfDecoding && field.codec.is(value)) return undefined;
  const result = validateChild(field.codec, value, c, field.key);
  return result._tag === 'Right' && result.right === value ? undefined : result;
};

/** `is`, `validate` and `encode` of a {@link struct}. */
const structParts = <R extends t.Props, O extends t.Props>(name: string, required: R, optional: O) => {
  const fields = fieldsOf(required, optional);
  const present = (u: Record<string, unknown>, field: Field): boolean => !field.optional || u[field.key] !== undefined;
  const is = (u: unknown): u is StructType<R, O> => isRecord(u) && fields.every((f) => !present(u, f) || f.codec.is(u[f.key]));
  const validate = (u: unknown, c: t.Context): t.Validation<StructType<R, O>> => {
    if (!isRecord(u)) return t.failure(u, c, `expected ${name}`);
    // A copy is made only when a field decodes to another value (an amount to Money): most
    // objects decode to themselves, and a replay decodes millions of them.
    let out: Record<string, unknown> | undefined;
    let errors: t.ValidationError[] | undefined; // made on the first error: most objects have none
    for (const field of fields) {
      const result = changedField(field, u[field.key], c);
      if (result === undefined) continue;
      if (result._tag === 'Left') (errors ??= []).push(...result.left);
      else (out ??= { ...u })[field.key] = result.right;
    }
    return errors === undefined ? t.success((out ?? u) as StructType<R, O>) : t.failures(errors);
  };
  const encode = (a: StructType<R, O>): StructOutput<R, O> => {
    const source = a as Record<string, unknown>;
    const out: Record<string, unknown> = { ...source };
    for (const field of fields) {
      if (present(source, field)) out[field.key] = field.codec.encode(source[field.key]) as unknown;
    }
    return out as StructOutput<R, O>;
  };
  return [is, validate, encode] as const;
};

/**
 * The codec {@link struct} builds: a `t.Type` that also names its required and
 * optional fields, so that strict input validation knows every key it takes.
 */
export class StructC<R extends t.Props, O extends t.Props> extends t.Type<StructType<R, O>, StructOutput<R, O>> {
  readonly _tag = 'StructType' as const;
  constructor(
    name: string,
    readonly required: R,
    readonly optional: O,
  ) {
    super(name, ...structParts(name, required, optional));
  }
}

/**
 * An object with required and optional fields, what
 * `t.intersection([t.type(required), t.partial(optional)])` describes, checked
 * in one pass: replays decode millions of events, and the intersection merges
 * every decoded object twice. Like `t.type`, fields it does not list are kept.
 * An optional field that is absent or `undefined` is not checked. Without
 * optional fields, use `t.type`.
 */
export const struct = <R extends t.Props, O extends t.Props>(name: string, required: R, optional: O): StructC<R, O> =>
  new StructC(name, required, optional);
