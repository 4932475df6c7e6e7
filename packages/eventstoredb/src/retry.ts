import { isTransient, userErrorOf } from './errors.js';

/** Waits between attempts after a transient failure: about three seconds in all, enough for a restarting server. */
export const RETRY_DELAYS_MS: readonly number[] = [50, 100, 200, 400, 800, 1_600];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Run `attempt` again after a transient failure (the client reconnects on
 * the next call), then give up with a sentence naming the server and the
 * operation. Other errors go through at once.
 */
export const withRetries = async <T>(location: string, operation: string, attempt: () => Promise<T>, delays = RETRY_DELAYS_MS): Promise<T> => {
  for (let tried = 0; ; tried += 1) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delays[tried];
      if (!isTransient(error) || delay === undefined) throw userErrorOf(error, location, operation);
      await sleep(delay);
    }
  }
};
