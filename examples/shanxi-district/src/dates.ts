import { assets } from '@collective-ledger/core';
import { intBetween, type Random } from './drafts.js';

/** Dates of the campaign's generator, as ISO strings (YYYY-MM-DD). */

const DAY_MS = 86_400_000;

/** `days` after (or, negative, before) an ISO date. */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to`. */
export const daysFrom = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The last day of a month, 1 to 12. */
export const monthEnd = (year: number, month: number): string => assets.lastDayOf(`${year}-${String(month).padStart(2, '0')}`);

/** A day drawn from `from` to `to`, both included. */
export const dayBetween = (random: Random, from: string, to: string): string => addDays(from, intBetween(random, 0, Math.max(0, daysFrom(from, to))));

/** An ISO date in a year: month and day (1 to 28) drawn. */
export const dayOfYear = (random: Random, year: number): string =>
  `${year}-${String(intBetween(random, 1, 12)).padStart(2, '0')}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`;
