import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { crashPoint } from './crash-point.js';

/** A directory that is neither empty nor a PGlite database: the store will not write into it. */
export class NotAPgliteDirectoryError extends Error {
  override readonly name = 'NotAPgliteDirectoryError';
  readonly code = 'NOT_A_PGLITE_DIRECTORY';
  constructor(readonly directory: string) {
    super(`${directory} is a directory but not a PGlite database (no PG_VERSION in it); give an empty or new directory`);
  }
}

type Content = 'none' | 'database' | 'other';

const errnoOf = (error: unknown): unknown => (error instanceof Error && 'code' in error ? error.code : undefined);

const contentOf = async (directory: string): Promise<Content> => {
  try {
    const entries = await readdir(directory);
    if (entries.length === 0) return 'none';
    return entries.includes('PG_VERSION') ? 'database' : 'other';
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return 'none';
    throw error;
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
};

/** `.<name>.creating-<pid>-<random>`: where the database of `<name>` is made before it is renamed into place. */
const prefixOf = (name: string): string => `.${name}.creating-`;

/** Temporary siblings left by a creation that crashed (its process is gone) are removed; a live one's is left alone. */
const removeLeftovers = async (parent: string, name: string): Promise<void> => {
  const prefix = prefixOf(name);
  for (const entry of await readdir(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number.parseInt(entry.slice(prefix.length), 10);
    if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) continue;
    await rm(join(parent, entry), { recursive: true, force: true });
  }
};

/** Rename the made database onto `directory` (missing or empty), unless another process placed one there first. */
const placeInto = async (made: string, directory: string): Promise<void> => {
  try {
    await rename(made, directory);
  } catch (error) {
    const content = await contentOf(directory);
    if (content === 'database') return;
    // Where a rename does not replace an empty directory, the empty one is removed first.
    if (content !== 'none') throw new NotAPgliteDirectoryError(directory);
    await rmdir(directory).catch(() => undefined);
    await rename(made, directory).catch(() => {
      throw error;
    });
  }
};

/**
 * Make sure `directory` holds a PGlite database. A new one is created in a
 * temporary sibling directory and renamed into place once complete, so a
 * crash during the seconds creation takes leaves either no database (the
 * next open creates it) or a whole one, never a half-made directory. A
 * directory holding something else is refused.
 */
export const ensurePgliteDirectory = async (directory: string): Promise<void> => {
  const parent = dirname(resolve(directory));
  const name = basename(resolve(directory));
  await mkdir(parent, { recursive: true });
  await removeLeftovers(parent, name);
  const content = await contentOf(directory);
  if (content === 'database') return;
  if (content === 'other') throw new NotAPgliteDirectoryError(directory);
  const made = join(parent, `${prefixOf(name)}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const db = await PGlite.create({ dataDir: made });
    await db.close();
    crashPoint('pglite-made');
    await placeInto(made, directory);
    crashPoint('pglite-placed');
  } finally {
    await rm(made, { recursive: true, force: true });
  }
};
