import { closeSync, openSync, readSync } from 'node:fs';
import type { LedgerIndex } from './file-index.js';

/** The event id on a line, read at its offset; undefined when the line holds no event (or does not parse). */
const eventIdAt = (fd: number, range: readonly [number, number]): string | undefined => {
  const bytes = Buffer.alloc(range[1] - range[0]);
  readSync(fd, bytes, 0, bytes.length, range[0]);
  try {
    const id: unknown = (JSON.parse(bytes.toString('utf8')) as { metadata?: { eventId?: unknown } } | null)?.metadata?.eventId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The ids among `eventIds` that the ledger holds. An id of the tail is known
 * exactly; one the index file's tables point at is looked up on the line
 * itself (a hash only narrows the search: the line decides).
 */
export const storedEventIds = (path: string, index: LedgerIndex, committedBytes: number, eventIds: readonly string[]): string[] => {
  let fd: number | undefined;
  const onLine = (line: number, id: string): boolean => {
    fd ??= openSync(path, 'r');
    return eventIdAt(fd, index.rangeOf(line, committedBytes)) === id;
  };
  try {
    return eventIds.filter((id) => index.tailIds.has(id) || index.idCandidates(id).some((line) => line <= index.baseLines && onLine(line, id)));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};
