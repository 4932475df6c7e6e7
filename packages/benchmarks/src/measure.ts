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
