import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AppendSignal, type WaitForEventsOptions } from '@collective-ledger/core';
import { endOfLastLine } from './file-repair.js';
import { journalPath } from './import-journal.js';

/** One wake-up signal per ledger file in this process: a store's appends wake every follower of the file here at once. */
const signals = new Map<string, AppendSignal>();

export const appendSignalOf = (path: string): AppendSignal => {
  const key = resolve(path);
  let signal = signals.get(key);
  if (signal === undefined) {
    signal = new AppendSignal();
    signals.set(key, signal);
  }
  return signal;
};

/** The length an unfinished import's journal records (its lines after it are not committed), if one is under way. */
const journalLengthOf = (path: string): number | undefined => {
  try {
    const length: unknown = (JSON.parse(readFileSync(journalPath(path), 'utf8')) as { length?: unknown } | null)?.length;
    return typeof length === 'number' && Number.isSafeInteger(length) && length >= 0 ? length : undefined;
  } catch {
    // No journal, or one still being written: the import has written nothing yet.
    return undefined;
  }
};

/**
 * How much of a ledger that another process may be writing is committed:
 * whole lines only (a line still being written has no line end yet), and
 * nothing an import under way has written after its journal's length. The
 * size is looked at again after: if the file shrank meanwhile (an import
 * rolled back), the look is made again.
 */
export const committedEndOf = (path: string): number => {
  for (let attempt = 0; ; attempt += 1) {
    const size = statSync(path).size;
    const journal = journalLengthOf(path);
    const end = endOfLastLine(path, journal === undefined ? size : Math.min(size, journal));
    if (statSync(path).size >= end || attempt >= 8) return end;
  }
};

/** The file's identity, to tell when it was replaced by another one. */
export const identityOf = (path: string): string => {
  const { dev, ino } = statSync(path, { bigint: true });
  return `${dev}:${ino}`;
};

/**
 * Wait until `ready()` (checked once the wait is set up, so that nothing
 * between the check and the wait is missed), an append by a store of this
 * process, a change to the file seen by fs.watch (when `watchFile` and the
 * platform can), the timeout (the poll that covers a wake-up lost or not
 * given), or an abort.
 */
export const waitForChange = async (path: string, options: WaitForEventsOptions, ready: () => boolean, watchFile: boolean): Promise<void> => {
  if (options.signal?.aborted === true) return;
  const woken = new AbortController();
  const onAbort = (): void => {
    woken.abort();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let watcher: FSWatcher | undefined;
  try {
    if (watchFile) watcher = watchQuietly(path, onAbort);
    if (ready()) return;
    await appendSignalOf(path).next({ signal: woken.signal, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
  } finally {
    watcher?.close();
    options.signal?.removeEventListener('abort', onAbort);
  }
};

/**
 * fs.watch on the ledger's directory, for the files whose changes say a write
 * may have committed: the ledger, its import journal (an import commits when
 * its journal goes) and its index (rewritten after every commit). Where
 * fs.watch does not work (no inotify left, a file system without events),
 * the poll is the fallback.
 */
const watchQuietly = (path: string, onChange: () => void): FSWatcher | undefined => {
  const name = basename(path);
  const names = new Set([name, `${name}.import`, `${name}.index`]);
  try {
    const watcher = watch(dirname(resolve(path)), { persistent: false }, (_event, changed) => {
      if (changed === null || names.has(changed)) onChange();
    });
    watcher.on('error', () => {
      watcher.close();
    });
    return watcher;
  } catch {
    return undefined;
  }
};
