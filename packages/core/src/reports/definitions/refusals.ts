import type { Either } from 'fp-ts/lib/Either.js';
import { left, right } from 'fp-ts/lib/Either.js';
import { isIsoDate } from '../../codecs/primitives.js';

/**
 * The words every report refuses with, one sentence per kind: an option it
 * does not take, a village or township the ledger does not hold, a year or a
 * date outside the books. Each names the option as the command line spells it.
 */

/**
 * The years a report may be asked about: from 1949, before which no
 * collective economic organization keeps books, to 2100. The books of one
 * ledger may hold fewer; a year inside this range with nothing on the books
 * gives empty figures, not a refusal.
 */
export const REPORT_YEARS = { first: 1949, last: 2100 } as const;

const YEAR_EXPECTED = `a four-digit year from ${REPORT_YEARS.first} to ${REPORT_YEARS.last}`;
const DATE_EXPECTED = `a date YYYY-MM-DD from ${REPORT_YEARS.first}-01-01 to ${REPORT_YEARS.last}-12-31`;

const inRange = (year: number): boolean => Number.isInteger(year) && year >= REPORT_YEARS.first && year <= REPORT_YEARS.last;

/** A value as the message shows it: text quoted, a number as it is. */
const shown = (value: unknown): string => (typeof value === 'bigint' ? `${value}n` : JSON.stringify(value));

/** `--year: expected a four-digit year from 1949 to 2100, got "0000"`. */
export const badYear = (flag: string, value: unknown): string => `${flag}: expected ${YEAR_EXPECTED}, got ${shown(value)}`;

/** `--as-of: expected a date YYYY-MM-DD from 1949-01-01 to 2100-12-31, got "2023-02-30"`. */
export const badDate = (flag: string, value: unknown): string => `${flag}: expected ${DATE_EXPECTED}, got ${shown(value)}`;

/** A year given as text (`--year 2023`): four digits, within `REPORT_YEARS`. */
export const parseReportYear = (text: string): Either<string, number> =>
  /^\d{4}$/.test(text) && inRange(Number(text)) ? right(Number(text)) : left(`expected ${YEAR_EXPECTED}, got ${shown(text)}`);

/** A date given as text (`--as-of 2023-06-30`): a real calendar date in a year within `REPORT_YEARS`. */
export const parseReportDate = (text: string): Either<string, string> =>
  isIsoDate(text) && inRange(Number(text.slice(0, 4))) ? right(text) : left(`expected ${DATE_EXPECTED}, got ${shown(text)}`);

/** A year given in code: a whole number within `REPORT_YEARS`. */
export const isReportYear = (value: unknown): boolean => typeof value === 'number' && inRange(value);

/** A date given in code: a `YYYY-MM-DD` string in a year within `REPORT_YEARS`. */
export const isReportDate = (value: unknown): boolean => typeof value === 'string' && parseReportDate(value)._tag === 'Right';

/** `--township is not an option of members: a member register belongs to one village; use --village`. */
export const notAnOption = (report: string, option: string, reason: string): string => `${option} is not an option of ${report}: ${reason}`;

/** Who takes an option a report refuses without a reason of its own. */
export const takenBy = (takers: readonly string[]): string => (takers.length === 0 ? 'no report takes it' : `it is an option of ${takers.join(', ')}`);

export type ScopeKind = 'village' | 'township';

/** `--village: no village zz is registered`. */
export const notRegistered = (kind: ScopeKind, id: string): string => `--${kind}: no ${kind} ${id} is registered`;

/** `--village: t is a township, not a village`. */
export const notOfKind = (kind: ScopeKind, id: string, actual: string): string => `--${kind}: ${id} is a ${actual}, not a ${kind}`;

/** `--village: the village v exists, but is registered on 2023-01-05, after 2022-12-31`. */
export const registeredAfter = (kind: ScopeKind, id: string, registeredOn: string, date: string): string =>
  `--${kind}: the ${kind} ${id} exists, but is registered on ${registeredOn}, after ${date}`;

/** `--village: the village v002 exists, but its first event is on 2024-03-15, after 2024-03-14` (a village only events name). */
export const firstEventAfter = (kind: ScopeKind, id: string, since: string, date: string): string =>
  `--${kind}: the ${kind} ${id} exists, but its first event is on ${since}, after ${date}`;

/** `--village: the village v exists, but its share register starts on 2023-03-01, after 2020-01-01`. */
export const registerStartsAfter = (id: string, startsOn: string, date: string): string =>
  `--village: the village ${id} exists, but its share register starts on ${startsOn}, after ${date}`;

/** `--village: the village v exists, but keeps no share register`. */
export const keepsNoShareRegister = (id: string): string => `--village: the village ${id} exists, but keeps no share register`;
