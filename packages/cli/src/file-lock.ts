import { randomBytes } from 'node:crypto';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';

/** Another live process holds the ledger: two writers on one file would corrupt it. */
export class LedgerLockedError extends Error {
  override readonly name = 'LedgerLockedError';
  readonly code = 'LEDGER_LOCKED';
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      `the ledger is in use by process ${pid}${pid === process.pid ? ' (this process)' : ''}: lock file ${lockPath}; ` +
        'if that process is not a collective-ledger command, delete the lock file',
    );
  }
}

export interface FileLock {
  readonly path: string;
  release(): Promise<void>;
}

const errnoOf = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
const isAlive = (pid: number): boolean => {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
};

const readPid = async (lockPath: string): Promise<number | undefined> => {
  try {
    return Number.parseInt((await readFile(lockPath, 'utf8')).trim(), 10);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw error;
  }
};

/** A name beside `lockPath` that nobody else uses. */
const besideLock = (lockPath: string, what: string): string => `${lockPath}.${process.pid}-${randomBytes(4).toString('hex')}.${what}`;

/**
 * Create the lock holding our pid, atomically: the pid is written to a file
 * of our own, which is then hard-linked as the lock, so no process ever sees
 * a lock file without its pid. False when the lock exists.
 */
const create = async (lockPath: string): Promise<boolean> => {
  const mine = besideLock(lockPath, 'new');
  await writeFile(mine, `${process.pid}\n`, { flag: 'wx' });
  try {
    await link(mine, lockPath);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(mine).catch(() => undefined);
  }
};

/**
 * Remove a lock left by the process `stalePid`, which is gone. The lock is
 * first renamed to a name of our own, which only one of several processes
 * taking it over at once can do; if what was renamed is not that lock (a
 * live process took it in between), it is put back.
 */
const removeStale = async (lockPath: string, stalePid: number): Promise<void> => {
  const moved = besideLock(lockPath, 'stale');
  try {
    await rename(lockPath, moved);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return;
    throw error;
  }
  const pid = await readPid(moved);
  if (pid === stalePid || !isAlive(pid ?? 0)) {
    await unlink(moved).catch(() => undefined);
    return;
  }
  await link(moved, lockPath).catch(() => undefined);
  await unlink(moved).catch(() => undefined);
};

/** Tries of `acquireLock`: a lock released between our try and our look is tried again, a stale one taken over. */
const ATTEMPTS = 20;

/**
 * Take `<path>.lock`, created exclusively and holding our pid. A lock whose
 * process is gone (a crash) is taken over; a live one is refused. A lock
 * gone by the time its pid is read was released: it is simply tried again,
 * never "taken over" (another process may be creating it that moment).
 */
export const acquireLock = async (path: string): Promise<FileLock> => {
  const lockPath = `${path}.lock`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (await create(lockPath)) {
      return {
        path: lockPath,
        release: async () => {
          if ((await readPid(lockPath)) === process.pid) await unlink(lockPath).catch(() => undefined);
        },
      };
    }
    const pid = await readPid(lockPath);
    if (pid === undefined) continue;
    if (isAlive(pid)) throw new LedgerLockedError(lockPath, pid);
    await removeStale(lockPath, pid);
  }
  throw new LedgerLockedError(lockPath, (await readPid(lockPath)) ?? 0);
};

export { errnoOf };
