import { readFile, unlink, writeFile } from 'node:fs/promises';

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

const create = async (lockPath: string): Promise<boolean> => {
  try {
    await writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  }
};

/**
 * Take `<path>.lock`, created exclusively and holding our pid. A lock whose
 * process is gone (a crash) is taken over; a live one is refused.
 */
export const acquireLock = async (path: string): Promise<FileLock> => {
  const lockPath = `${path}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (await create(lockPath)) {
      return {
        path: lockPath,
        release: async () => {
          if ((await readPid(lockPath)) === process.pid) await unlink(lockPath).catch(() => undefined);
        },
      };
    }
    const pid = await readPid(lockPath);
    if (pid !== undefined && isAlive(pid)) throw new LedgerLockedError(lockPath, pid);
    await unlink(lockPath).catch((error: unknown) => {
      if (errnoOf(error) !== 'ENOENT') throw error;
    });
  }
  throw new LedgerLockedError(lockPath, (await readPid(lockPath)) ?? 0);
};

export { errnoOf };
