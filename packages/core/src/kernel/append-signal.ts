import type { WaitForEventsOptions } from './subscription.js';

/**
 * In-process wake-ups for followers: `next` resolves at the next `wakeAll`,
 * at the timeout or at an abort, whichever comes first. Stores call
 * `wakeAll` after each append commits.
 */
export class AppendSignal {
  private readonly waiting = new Set<() => void>();

  next(options: WaitForEventsOptions = {}): Promise<void> {
    const { signal } = options;
    if (signal?.aborted === true) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, options.timeoutMs ?? 1_000);
      signal?.addEventListener('abort', done, { once: true });
      this.waiting.add(done);
    });
  }

  wakeAll(): void {
    for (const wake of [...this.waiting]) wake();
  }
}
