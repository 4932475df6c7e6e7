import { instantOf } from '@collective-ledger/core';
import { UsageError } from './errors.js';

/** `--recorded-before`: a timestamp with seconds and a zone, as stores stamp `recordedAt`. */
export const recordedBeforeOf = (value: string | undefined): string | undefined => {
  if (value !== undefined && instantOf(value) === undefined) {
    throw new UsageError(
      `--recorded-before must be a timestamp with seconds and a zone, e.g. 2024-03-31T18:00:00+08:00 or 2024-03-31T10:00:00Z, got "${value}"`,
    );
  }
  return value;
};

/** `--to-position`: a global position of the store, a whole number. */
export const toPositionOf = (value: string | undefined): bigint | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--to-position must be a global position, a whole number 0 or more, got "${value}"`);
  return BigInt(value);
};

/** The two options, as Node's parseArgs declares them. */
export const REPLAY_ARGS = {
  'recorded-before': { type: 'string' },
  'to-position': { type: 'string' },
} as const;

/** The replay options given, without the absent ones. */
export const replayOptionsOf = (values: { readonly 'recorded-before'?: string; readonly 'to-position'?: string }) => {
  const recordedBefore = recordedBeforeOf(values['recorded-before']);
  const toPosition = toPositionOf(values['to-position']);
  return { ...(recordedBefore === undefined ? {} : { recordedBefore }), ...(toPosition === undefined ? {} : { toPosition }) };
};
