/**
 * The books-age section of docs/benchmarks.md: per store, age and command,
 * the events read, commands/s and the rate as a ratio to the 1-year books',
 * and the verdict that the cost stays flat as the books age.
 */
import { formatCount } from './measure.js';
import { machine } from './report-docs.js';

interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

interface CommandFigures {
  readonly eventsRead: readonly number[];
  readonly perSecond: Spread;
  readonly ratio: Spread;
}

interface AgeFigures {
  readonly age: number;
  readonly asset: CommandFigures;
  readonly dividend: CommandFigures;
}

export interface BooksAgeResult {
  readonly villages: number;
  readonly runs: number;
  readonly pgRuns: number;
  readonly events: Readonly<Record<string, number>>;
  readonly memory: readonly AgeFigures[];
  readonly postgres?: readonly AgeFigures[];
  readonly peakRssMiB: number;
}

/** A ratio to the 1-year rate counts as flat within this band: the machine's noise from run to run. */
const NOISE = { low: 0.8, high: 1.2 } as const;

const COMMANDS = {
  asset: '`assets.chargeDepreciation`, January',
  dividend: '`shares.payDividends`, one dividend of the first year',
} as const;

const ratioText = (age: number, ratio: Spread): string =>
  age === 1 ? '1.00 | ' : `${ratio.median.toFixed(2)} | ${ratio.min.toFixed(2)} to ${ratio.max.toFixed(2)}`;

const rows = (r: BooksAgeResult, figures: readonly AgeFigures[]): string[] =>
  (['asset', 'dividend'] as const).flatMap((kind) =>
    figures.map(({ age, [kind]: f }) => {
      const rate = `${formatCount(Math.round(f.perSecond.median))} | ${formatCount(Math.round(f.perSecond.min))} to ${formatCount(Math.round(f.perSecond.max))}`;
      return `| ${COMMANDS[kind]} | ${age} | ${formatCount(r.events[String(age)] ?? 0)} | ${f.eventsRead.join(', ')} | ${rate} | ${ratioText(age, f.ratio)} |`;
    }),
  );

const table = (r: BooksAgeResult, figures: readonly AgeFigures[]): string[] => [
  '| command | books, years | events in the store | events read | commands/s | range, commands/s | × the 1-year rate | range of the ratio |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows(r, figures),
];

/** Flat: every age read as many events, and every median ratio lies within the noise band. */
const isFlat = (figures: readonly AgeFigures[]): boolean =>
  (['asset', 'dividend'] as const).every((kind) => {
    const read = new Set(figures.flatMap((f) => f[kind].eventsRead));
    return read.size === 1 && figures.every((f) => f[kind].ratio.median >= NOISE.low && f[kind].ratio.median <= NOISE.high);
  });

const verdictLine = (label: string, figures: readonly AgeFigures[]): string =>
  isFlat(figures)
    ? `${label}: flat. Each command read as many events at every age, and the 5- and 10-year rates are within ${NOISE.low} to ${NOISE.high} of the 1-year rate (the machine's noise).`
    : `${label}: NOT FLAT. Either a command read more events in older books, or a median ratio fell outside ${NOISE.low} to ${NOISE.high}.`;

export const booksAgeTable = (r: BooksAgeResult): string =>
  [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. ${formatCount(r.villages)} identical villages of each age; ` +
      `${r.runs} runs in memory${r.postgres === undefined ? '' : ` and ${r.pgRuns} on the PostgreSQL server`}, each after one to warm up, ` +
      'the ages taking turns in slices of 10 villages; medians shown, with the slowest and fastest runs.',
    '',
    'In memory:',
    '',
    ...table(r, r.memory),
    ...(r.postgres === undefined ? [] : ['', 'PostgreSQL server (127.0.0.1), a schema of its own for every copy of the books:', '', ...table(r, r.postgres)]),
    '',
    verdictLine('In memory', r.memory),
    ...(r.postgres === undefined ? [] : ['', verdictLine('On the server', r.postgres)]),
    '',
    `Peak RSS: ${formatCount(r.peakRssMiB)} MiB.`,
  ].join('\n');
