import { parseReportDate, parseReportYear } from '@collective-ledger/core';
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
      return /argument missing|argument is ambiguous/.test(error.message)
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

/** `--year`: four digits, a year the books may hold (`REPORT_YEARS`); the words are every report's. */
export const yearOf = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const year = parseReportYear(value);
  if (year._tag === 'Left') throw new UsageError(`--year: ${year.left}`);
  return year.right;
};

/** A date option (`--as-of`, `--from`, `--since`): `YYYY-MM-DD`, a real calendar date in a year the books may hold. */
export const dateOf = (option: string, value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  const date = parseReportDate(value);
  if (date._tag === 'Left') throw new UsageError(`--${option}: ${date.left}`);
  return date.right;
};

type OptionConfig = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

/** An argument the command would read as one of its options (or the end of options). */
const isOptionOf = (arg: string, options: OptionConfig): boolean =>
  arg.startsWith('--') ? arg === '--' || Object.hasOwn(options, arg.slice(2).split('=')[0] ?? '') : Object.values(options).some((o) => o.short === arg.slice(1));

/**
 * `--year -1` as `--year=-1`: Node's parseArgs takes a value that starts with
 * a dash for a missing one ("argument is ambiguous"); joined, the option's own
 * check says what is wrong with it. A next argument that is an option of the
 * command stays apart, so `--year --village v` says that --year needs a value.
 */
export const joinDashValues = (args: readonly string[], options: OptionConfig): string[] => {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    if (arg === '--') return [...joined, ...args.slice(i)];
    const takesValue = arg.startsWith('--') && options[arg.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && next.startsWith('-') && !isOptionOf(next, options)) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
};
