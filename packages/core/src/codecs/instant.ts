import { IsoDateTime } from './primitives.js';

/**
 * A moment in a form that compares exactly: the epoch milliseconds of its
 * whole second, and the nanoseconds within that second. A timestamp may carry
 * up to nine decimals and any zone, so neither text order nor a JS `Date` alone
 * compares two of them exactly.
 */
export interface Instant {
  readonly second: number;
  readonly nanos: number;
}

const PARTS = /^(.{19})(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

/** The instant of an ISO 8601 timestamp with seconds and a zone (`IsoDateTime`), or `undefined` for anything else. */
export const instantOf = (timestamp: string): Instant | undefined => {
  if (!IsoDateTime.is(timestamp)) return undefined;
  const [, clock = '', fraction = '', zone = ''] = PARTS.exec(timestamp) ?? [];
  return { second: Date.parse(`${clock}${zone}`), nanos: Number(fraction.padEnd(9, '0')) };
};

/** True when `a` is strictly earlier than `b`. */
export const isEarlier = (a: Instant, b: Instant): boolean => a.second < b.second || (a.second === b.second && a.nanos < b.nanos);
