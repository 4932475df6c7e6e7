import { EventStoreDBClient } from '@eventstore/db-client';
import { InvalidConnectionStringError } from './errors.js';

const SCHEMES = new Set(['esdb:', 'esdb+discover:']);

/** A connection string as it may be printed: its password replaced by `***`. */
export const redactConnectionString = (url: string): string => url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');

/**
 * The client for a connection string, checked first: a string that is not an
 * `esdb://` or `esdb+discover://` URL is refused before anything is sent.
 * The client connects on its first call, not here.
 */
export const clientFor = (url: string): EventStoreDBClient => {
  const location = redactConnectionString(url);
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    throw new InvalidConnectionStringError(location, 'it is not a URL');
  }
  if (!SCHEMES.has(scheme)) throw new InvalidConnectionStringError(location, `the scheme is ${scheme}//, not esdb:// or esdb+discover://`);
  try {
    return EventStoreDBClient.connectionString(url);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new InvalidConnectionStringError(location, reason);
  }
};
