import * as t from 'io-ts';

const isString = (u: unknown): u is string => typeof u === 'string';

/**
 * A codec whose valid inputs are its values (an id, a date, a year): `is` is
 * the whole check, a valid input decodes to itself and fails with
 * `expected <name>`. Structs and arrays check such a field with `is` alone
 * (see `child.ts`).
 */
export class SelfDecodingType<A, O = A> extends t.Type<A, O> {
  readonly _tag = 'SelfDecodingType' as const;
  constructor(name: string, is: (u: unknown) => u is A) {
    super(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c, `expected ${name}`)), (a) => a as unknown as O);
  }
}

/**
 * Build a string codec checked by a predicate, failing with `expected <description>`.
 * The codec's name is the description, so the reporter can print it.
 */
export const refinedString = <B>(description: string, accept: (s: string) => boolean): t.Type<t.Branded<string, B>, string> =>
  new SelfDecodingType<t.Branded<string, B>, string>(description, (u): u is t.Branded<string, B> => isString(u) && accept(u));

/** The number written by the digits of `s` from `start` to `end`, or -1 when one is not a digit. */
const digitsAt = (s: string, start: number, end: number): number => {
  let n = 0;
  for (let i = start; i < end; i += 1) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
};

/**
 * True for a real calendar date in `YYYY-MM-DD` form (rejects `2023-02-30`).
 * Read digit by digit, not by a regular expression: every event of a replay
 * carries dates.
 */
export const isIsoDate = (s: string): boolean => {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 7);
  const day = digitsAt(s, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
};

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Gregorian arithmetic, not `Date`, which maps years 0-99 onto 1900-1999. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (DAYS[month - 1] ?? 0);

export interface IsoDateBrand {
  readonly isoDate: unique symbol;
}
/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = t.Branded<string, IsoDateBrand>;
export const IsoDate = refinedString<IsoDateBrand>('a date YYYY-MM-DD', isIsoDate);

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export interface IsoDateTimeBrand {
  readonly isoDateTime: unique symbol;
}
/** A moment, ISO 8601 with seconds and a zone (`2024-01-31T08:00:00.000Z`). */
export type IsoDateTime = t.Branded<string, IsoDateTimeBrand>;
export const IsoDateTime = refinedString<IsoDateTimeBrand>(
  'a timestamp YYYY-MM-DDTHH:mm:ss[.sss]Z',
  (s) => {
    const m = ISO_DATE_TIME.exec(s);
    return m !== null && isIsoDate(m[1] ?? '');
  },
);

const NOT_WHITE_SPACE = /\S/;

export interface NonEmptyBrand {
  readonly nonEmpty: unique symbol;
}
/** A string with at least one character that is not white space. */
export type NonEmptyString = t.Branded<string, NonEmptyBrand>;
export const NonEmptyString = refinedString<NonEmptyBrand>(
  'a non-empty string',
  // The same white space as trim(), without making a trimmed copy.
  (s) => NOT_WHITE_SPACE.test(s),
);

const isLetterOrDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isIdPunctuation = (c: number): boolean => c === 46 || c === 95 || c === 58 || c === 45; // . _ : -

/**
 * `^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`, read by char code rather than by
 * the regular expression: every event of a replay carries ids.
 */
const isId = (s: string): boolean => {
  if (s.length === 0 || s.length > 128 || !isLetterOrDigit(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (!isLetterOrDigit(c) && !isIdPunctuation(c)) return false;
  }
  return true;
};

export interface IdBrand {
  readonly id: unique symbol;
}
/** An identifier: letters, digits and `. _ : -`, starting with a letter or digit, at most 128 characters. */
export type Id = t.Branded<string, IdBrand>;
export const Id = refinedString<IdBrand>(
  'an id (letters, digits, . _ : -, at most 128 characters)',
  isId,
);

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export interface UuidBrand {
  readonly uuid: unique symbol;
}
export type Uuid = t.Branded<string, UuidBrand>;
export const Uuid = refinedString<UuidBrand>('a uuid', (s) => UUID.test(s));

/** A positive whole number that fits a JS number exactly (schema versions, counts). */
export const PositiveInteger: t.Type<number> = new SelfDecodingType<number>(
  'a positive integer',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u > 0,
);
