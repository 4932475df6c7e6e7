import { performance } from 'node:perf_hooks';

/** Peak resident set size of this process so far, in MiB. */
export const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;

export interface Timed<T> {
  readonly value: T;
  readonly seconds: number;
}

export const timed = async <T>(work: () => Promise<T>): Promise<Timed<T>> => {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
};

/** Events per second, rounded to a whole number for the report (a count, not money). */
export const rate = (events: number, seconds: number): number => Math.round(events / seconds);

export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** `work` run `runs` times in a row: the value of the last run and the seconds of each. */
export const repeated = async <T>(runs: number, work: () => Promise<T>): Promise<{ readonly value: T; readonly seconds: number[] }> => {
  const seconds: number[] = [];
  let last: Timed<T> | undefined;
  for (let i = 0; i < Math.max(1, runs); i += 1) {
    last = await timed(work);
    seconds.push(last.seconds);
  }
  if (last === undefined) throw new Error('no run');
  return { value: last.value, seconds };
};

/** Several timings of the same work over `events`: the median run, and the slowest and fastest rates. */
export interface RunSummary {
  readonly medianSeconds: number;
  readonly medianPerSecond: number;
  readonly slowestPerSecond: number;
  readonly fastestPerSecond: number;
}

export const runSummary = (events: number, seconds: readonly number[]): RunSummary => {
  const sorted = [...seconds].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return {
    medianSeconds: median,
    medianPerSecond: rate(events, median),
    slowestPerSecond: rate(events, sorted[sorted.length - 1] ?? Number.NaN),
    fastestPerSecond: rate(events, sorted[0] ?? Number.NaN),
  };
};

/** The median of some numbers, and their smallest and largest. */
export const spread = (values: readonly number[]): { readonly median: number; readonly low: number; readonly high: number } => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, low: sorted[0] ?? Number.NaN, high: sorted.at(-1) ?? Number.NaN };
};

/** A decimal string (an amount or an area) with its whole part in groups of three: 1961143200.00 → 1,961,143,200.00. Text only, never a number. */
export const grouped = (decimal: string): string => {
  const [whole = '', fraction] = decimal.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.slice(sign.length).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
};

type Spread = ReturnType<typeof spread>;

/** A spread of ratios as prose: `median M, L to H`, two decimals. */
export const spreadText = (s: Spread): string => `median ${s.median.toFixed(2)}, ${s.low.toFixed(2)} to ${s.high.toFixed(2)}`;

/** A spread of ratios for a table cell: `M (L to H)`, two decimals. */
export const ratioCell = (s: Spread): string => `${s.median.toFixed(2)} (${s.low.toFixed(2)} to ${s.high.toFixed(2)})`;
