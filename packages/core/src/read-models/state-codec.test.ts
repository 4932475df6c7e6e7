import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PersistentList } from '../kernel/persistent-list.js';
import { PersistentMap } from '../kernel/persistent-map.js';
import { Area } from '../money/area.js';
import { Dec } from '../money/decimal.js';
import { Money } from '../money/money.js';
import { Rate } from '../money/rate.js';
import { decodeState, encodeState, StateNotStorableError } from './state-codec.js';

const money = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((fen) => Money.fromFen(fen));
const leaf = fc.oneof(
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  money,
  // Whole ten-thousandths of a mu, written as text with integer arithmetic.
  fc.integer({ min: 0, max: 10_000_000 }).map((units) => Area.ofMu(`${Math.trunc(units / 10_000)}.${String(units % 10_000).padStart(4, '0')}`)),
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 9n })).map(([p, q]) => Rate.of(p, q)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => new Dec(n)),
);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object'), tie('pmap'), tie('plist'), tie('map'), tie('set')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  pmap: fc.array(fc.tuple(fc.string(), tie('value')), { maxLength: 4 }).map((entries) => PersistentMap.from(entries)),
  plist: fc.array(tie('value'), { maxLength: 4 }).map((items) => PersistentList.from(items)),
  map: fc.array(fc.tuple(fc.oneof(fc.string(), fc.integer()), tie('value')), { maxLength: 4 }).map((entries) => new Map(entries)),
  set: fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 4 }).map((items) => new Set(items)),
}));

/** A structural picture of a value, prototypes and order included, that `toEqual` compares strictly. */
const shapeOfCollection = (v: unknown): unknown => {
  if (v instanceof PersistentMap) return ['PersistentMap', [...(v as PersistentMap<unknown, unknown>)].map(([k, x]) => [shape(k), shape(x)])];
  if (v instanceof PersistentList) return ['PersistentList', [...(v as PersistentList<unknown>)].map(shape)];
  if (v instanceof Map) return ['Map', [...v].map(([k, x]) => [shape(k), shape(x)])];
  if (v instanceof Set) return ['Set', [...v].map(shape)];
  return Array.isArray(v) ? ['Array', v.map(shape)] : undefined;
};

const shape = (v: unknown): unknown => {
  if (v instanceof Money) return ['Money', v.toFen()];
  if (v instanceof Area || v instanceof Rate) return [v.constructor.name, v.toString(), Object.isFrozen(v)];
  if (Dec.isDecimal(v)) return ['Dec', (v).toString()];
  const collection = shapeOfCollection(v);
  if (collection !== undefined) return collection;
  if (typeof v === 'number') return ['number', Object.is(v, -0) ? '-0' : String(v)];
  if (typeof v === 'object' && v !== null) return ['Object', Object.entries(v).map(([k, x]) => [k, shape(x)])];
  return [typeof v, v];
};

describe('read model states as text', () => {
  it('read back, every kind of value keeps its kind, its order and its value', () => {
    fc.assert(
      fc.property(value, (state) => {
        expect(shape(decodeState(encodeState(state)))).toEqual(shape(state));
      }),
    );
  });

  it('money read back is the same Money (zero is the shared zero)', () => {
    const [zero, amount] = decodeState(encodeState([Money.zero, Money.of('1234.56')])) as Money[];
    expect(zero).toBe(Money.zero);
    expect(amount?.toString()).toBe('1234.56');
  });

  it('refuses what cannot be kept, naming where it sits', () => {
    class Opaque {
      readonly kind = 'opaque';
    }
    expect(() => encodeState({ villages: [{ fold: () => 1 }] })).toThrow(new StateNotStorableError('.villages[0].fold', 'a function'));
    expect(() => encodeState({ a: new Opaque() })).toThrow('the state cannot be kept as a read model: an instance of Opaque at .a');
  });
});
