import { isIsoDate } from '@collective-ledger/core';
import { UsageError } from './errors.js';

const NODE_PARSE_ERRORS = new Set([
  'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
]);

/** Node's parseArgs messages are long; say the same in a few words. */
const describeParseError = (error: Error & { code?: unknown }): string => {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const option = quoted.replace(/ <value>$/, '').split(', ').at(-1) ?? quoted;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}`;
    default:
      return /argument missing/.test(error.message)
        ? `option ${option} needs a value`
        : (error.message.split('. ')[0] ?? error.message);
  }
};

/** True when the arguments ask for help (before any `--`). */
export const wantsHelp = (args: readonly string[]): boolean => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
};

/** Run Node's parseArgs, turning its errors into a UsageError that points at the command's help. */
export const parseOrExplain = <T>(command: string, parse: () => T): T => {
  try {
    return parse();
  } catch (error) {
    if (error instanceof Error && NODE_PARSE_ERRORS.has(String((error as { code?: unknown }).code))) {
      throw new UsageError(`${describeParseError(error)} (see: collective-ledger ${command} --help)`);
    }
    throw error;
  }
};

/** Exactly `count` positionals, or a UsageError naming what is missing. */
export const expectPositionals = (
  command: string,
  positionals: readonly string[],
  names: readonly string[],
): string[] => {
  if (positionals.length < names.length) {
    throw new UsageError(`${command} needs ${names.join(' ')} (see: collective-ledger ${command} --help)`);
  }
  if (positionals.length > names.length) {
    throw new UsageError(`unexpected argument ${positionals[names.length] ?? ''} (see: collective-ledger ${command} --help)`);
  }
  return [...positionals];
};

/** The value of a required option, or a UsageError. */
export const required = (command: string, name: string, value: string | undefined): string => {
  if (value === undefined || value === '') {
    throw new UsageError(`${command} needs --${name} (see: collective-ledger ${command} --help)`);
  }
  return value;
};

/** `--year`: four digits. */
export const yearOf = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year must be a year like 2022, got "${value}"`);
  return Number(value);
};

/** A date option (`--as-of`, `--from`, `--since`): `YYYY-MM-DD`, a real calendar date. */
export const dateOf = (option: string, value: string | undefined): string | undefined => {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--${option} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
};
