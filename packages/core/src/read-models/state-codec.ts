import { Dec, isDec } from '../money/decimal.js';
import { Money } from '../money/money.js';
import { PersistentList } from '../kernel/persistent-list.js';
import { PersistentMap } from '../kernel/persistent-map.js';
import { valueClasses } from './value-classes.js';

/**
 * A projection's state as text and back, for read models: plain objects and
 * arrays, strings, numbers, booleans and null as JSON, and every other kind of
 * value a report's state holds under a tag, so that the state read back folds
 * and reports exactly as the one written. In the text every array is tagged by
 * its first element:
 *
 * - `[0, ...items]` an array; `[1]` undefined; `[2, "12"]` a bigint;
 * - `[3, "1234"]` Money as fen; `[4, keys, values]` a PersistentMap, in order;
 * - `[5, ...items]` a PersistentList; `[6, keys, values]` a Map; `[7, ...items]` a Set;
 * - `[8, "1.5"]` a Decimal; `[9, "NaN" | "Infinity" | "-Infinity" | "-0"]`;
 * - `[10, "Name", {fields}]` a value class listed in `value-classes.ts`;
 * - `[11, {fields}]` an object without a prototype.
 *
 * A function, a symbol or an instance of any other class cannot be kept:
 * `encodeState` throws `StateNotStorableError` naming where it sits.
 */
export class StateNotStorableError extends Error {
  override readonly name = 'StateNotStorableError';
  constructor(
    readonly path: string,
    what: string,
  ) {
    super(`the state cannot be kept as a read model: ${what} at ${path === '' ? 'its root' : path}`);
  }
}

type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

const classByPrototype = new Map<object, string>(Object.entries(valueClasses).map(([name, ctor]) => [ctor.prototype as object, name]));

const specialNumber = (n: number): string | undefined => {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return Object.is(n, -0) ? '-0' : undefined;
};

const fieldsOf = (value: object, path: string): { [key: string]: Encoded } => {
  const out: { [key: string]: Encoded } = {};
  for (const key of Object.keys(value)) out[key] = encodeValue((value as Record<string, unknown>)[key], `${path}.${key}`);
  return out;
};

const encodeAll = (items: Iterable<unknown>, path: string): Encoded[] => {
  const out: Encoded[] = [];
  let i = 0;
  for (const item of items) out.push(encodeValue(item, `${path}[${i++}]`));
  return out;
};

/** A built-in collection or number kind, or `undefined` for anything else. */
const encodeKnown = (value: object, path: string): Encoded | undefined => {
  if (value instanceof Money) return [3, value.toFen().toString()];
  if (value instanceof PersistentMap) return [4, encodeAll(value.keys(), `${path}.keys`), encodeAll(value.values(), `${path}.values`)];
  if (value instanceof PersistentList) return [5, ...encodeAll(value, path)];
  if (value instanceof Map) return [6, encodeAll(value.keys(), `${path}.keys`), encodeAll(value.values(), `${path}.values`)];
  if (value instanceof Set) return [7, ...encodeAll(value, path)];
  return isDec(value) ? [8, value.toString()] : undefined;
};

const encodeObject = (value: object, path: string): Encoded => {
  if (Array.isArray(value)) return [0, ...encodeAll(value, path)];
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === Object.prototype) return fieldsOf(value, path);
  if (prototype === null) return [11, fieldsOf(value, path)];
  const known = encodeKnown(value, path);
  if (known !== undefined) return known;
  const name = classByPrototype.get(prototype);
  if (name !== undefined) return [10, name, fieldsOf(value, path)];
  const constructorName = (prototype as { constructor?: { name?: string } }).constructor?.name ?? 'an object';
  throw new StateNotStorableError(path, `an instance of ${constructorName}`);
};

function encodeValue(value: unknown, path: string): Encoded {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number': {
      const special = specialNumber(value);
      return special === undefined ? value : [9, special];
    }
    case 'bigint':
      return [2, value.toString()];
    case 'undefined':
      return [1];
    case 'object':
      return value === null ? null : encodeObject(value, path);
    case 'function':
    case 'symbol':
      throw new StateNotStorableError(path, `a ${typeof value}`);
  }
}

const decodeFields = (fields: { [key: string]: Encoded }, into: Record<string, unknown>): Record<string, unknown> => {
  for (const key of Object.keys(fields)) into[key] = decodeValue(fields[key] as Encoded);
  return into;
};

const pairs = (keys: Encoded, values: Encoded): [unknown, unknown][] => {
  const k = (keys as Encoded[]).map(decodeValue);
  const v = (values as Encoded[]).map(decodeValue);
  return k.map((key, i) => [key, v[i]]);
};

const decodeRest = (array: Encoded[]): unknown[] => array.slice(1).map(decodeValue);

/** How each tag is read back (the list in the comment at the top). */
const DECODERS: readonly ((array: Encoded[]) => unknown)[] = [
  decodeRest,
  () => undefined,
  (a) => BigInt(a[1] as string),
  (a) => Money.fromFen(BigInt(a[1] as string)),
  (a) => PersistentMap.from(pairs(a[1] as Encoded, a[2] as Encoded)),
  (a) => PersistentList.from(decodeRest(a)),
  (a) => new Map(pairs(a[1] as Encoded, a[2] as Encoded)),
  (a) => new Set(decodeRest(a)),
  (a) => new Dec(a[1] as string),
  (a) => Number(a[1]),
  (a) => valueClassOf(a[1] as string, a[2] as { [key: string]: Encoded }),
  (a) => decodeFields(a[1] as { [key: string]: Encoded }, Object.create(null) as Record<string, unknown>),
];

const decodeTagged = (array: Encoded[]): unknown => {
  const tag = array[0];
  const decoder = typeof tag === 'number' ? DECODERS[tag] : undefined;
  if (decoder === undefined) throw new Error(`a read model's state holds an unknown tag ${JSON.stringify(tag)}`);
  return decoder(array);
};

const valueClassOf = (name: string, fields: { [key: string]: Encoded }): unknown => {
  const ctor = (valueClasses as Record<string, { prototype: object } | undefined>)[name];
  if (ctor === undefined) throw new Error(`a read model's state holds an unknown class ${JSON.stringify(name)}`);
  return Object.freeze(decodeFields(fields, Object.create(ctor.prototype) as Record<string, unknown>));
};

function decodeValue(value: Encoded): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return decodeTagged(value);
  return decodeFields(value, {});
}

/** The state as text (throws `StateNotStorableError` for what cannot be kept). */
export const encodeState = (state: unknown): string => JSON.stringify(encodeValue(state, ''));

/** A state from `encodeState`'s text. */
export const decodeState = (text: string): unknown => decodeValue(JSON.parse(text) as Encoded);
