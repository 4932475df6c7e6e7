/**
 * How a command tries again after a concurrency conflict: at most `maxRetries`
 * times, waiting a random time up to `baseDelayMs · 2^attempt` (capped at
 * `maxDelayMs`) before each try ("full jitter"), so writers that collided
 * do not collide again in step.
 */
export interface RetryPolicy {
  /** Attempts after the first (default 5). */
  readonly maxRetries?: number;
  /** The first wait's upper bound in milliseconds (default 5). */
  readonly baseDelayMs?: number;
  /** No wait is longer than this (default 250). */
  readonly maxDelayMs?: number;
  /** A number in [0, 1); defaults to `Math.random`. Tests pass a fixed one. */
  readonly random?: () => number;
  /** Waits that long; defaults to `setTimeout`. Tests pass one that records. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before retry `attempt` (0 for the first retry). */
export const retryDelay = (policy: RetryPolicy, attempt: number): number => {
  const base = policy.baseDelayMs ?? 5;
  const cap = policy.maxDelayMs ?? 250;
  const bound = Math.min(cap, base * 2 ** attempt);
  return Math.floor((policy.random ?? Math.random)() * bound);
};

export const maxRetriesOf = (policy: RetryPolicy): number => policy.maxRetries ?? 5;

export const waitBeforeRetry = (policy: RetryPolicy, attempt: number): Promise<void> => (policy.sleep ?? defaultSleep)(retryDelay(policy, attempt));
