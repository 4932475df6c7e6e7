import { isConnectionFailure, isConnectionLost } from './errors.js';

/**
 * Run `work` again, once, when the connection it ran on died (a pooled
 * connection the server ended while it sat idle, or a backend ended under
 * the statement): the pool has dropped that connection, so the second try
 * runs on a new one. Only for work that is safe to run twice. When the second
 * try finds no connection either, the first loss is what is reported.
 */
export const retryingOnce = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (!isConnectionLost(error)) throw error;
    try {
      return await work();
    } catch (again) {
      throw isConnectionFailure(again) ? error : again;
    }
  }
};

/** A read changes nothing: safe to run twice. */
export const readRetryingOnce = retryingOnce;
