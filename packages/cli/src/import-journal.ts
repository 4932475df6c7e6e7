import { open, readFile, rename, truncate, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { crashPoint } from './crash-point.js';
import { ImportJournalError } from './file-errors.js';
import { errnoOf } from './file-lock.js';

/** Where an unfinished import records the length to roll back to. */
export const journalPath = (path: string): string => `${path}.import`;

/** The journal while it is written, before it is renamed into place. */
const draftPath = (path: string): string => `${path}.import.tmp`;

const unlinkIfThere = async (path: string): Promise<void> => {
  await unlink(path).catch((error: unknown) => {
    if (errnoOf(error) !== 'ENOENT') throw error;
  });
};

export const removeJournal = (path: string): Promise<void> => unlinkIfThere(journalPath(path));

/** Make a rename in `directory` durable; where directories cannot be synced (Windows), the rename stands as it is. */
const syncDirectory = async (directory: string): Promise<void> => {
  const handle = await open(directory, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
};

/**
 * Record that an import starts at `length` bytes of the ledger: written to a
 * draft, synced, then renamed into place, so the journal is either absent or
 * whole. Nothing of the import is written to the ledger before this returns.
 */
export const writeJournal = async (path: string, length: number): Promise<void> => {
  const draft = await open(draftPath(path), 'w');
  try {
    crashPoint('import-journal-draft');
    await draft.writeFile(JSON.stringify({ length }));
    await draft.sync();
  } finally {
    await draft.close();
  }
  await rename(draftPath(path), journalPath(path));
  await syncDirectory(dirname(journalPath(path)));
  crashPoint('import-journal-written');
};

const WRITTEN = '{"length":';

/** Empty, or cut short while it was written: the import had not written anything to the ledger yet. */
const isUnfinished = (text: string): boolean =>
  text.length <= WRITTEN.length ? WRITTEN.startsWith(text) : text.startsWith(WRITTEN) && /^\d*$/.test(text.slice(WRITTEN.length));

const lengthIn = (text: string): number | undefined => {
  try {
    const length: unknown = (JSON.parse(text) as { length?: unknown } | null)?.length;
    return typeof length === 'number' && Number.isSafeInteger(length) && length >= 0 ? length : undefined;
  } catch {
    return undefined;
  }
};

const readText = async (path: string): Promise<string | undefined> => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw error;
  }
};

/**
 * Where the import a crash interrupted began, from its journal: undefined
 * when there is none, or when it was still being written (empty or cut short:
 * the ledger was not touched yet), and in both cases the journal is
 * cleared. A journal that says something else is refused, naming it.
 */
export const unfinishedImportOf = async (path: string, warn: (message: string) => void): Promise<number | undefined> => {
  // A draft never renamed into place: the import stopped before its first byte.
  await unlinkIfThere(draftPath(path));
  const journal = journalPath(path);
  const text = await readText(journal);
  if (text === undefined) return undefined;
  const length = lengthIn(text);
  if (length !== undefined) return length;
  if (!isUnfinished(text.trim())) throw new ImportJournalError(journal, path, text);
  await unlink(journal);
  warn(`${journal}: removed the journal of an import that stopped before writing anything to ${path}`);
  return undefined;
};

/** Cut the ledger back to where the interrupted import began, then drop its journal. */
export const rollBackTo = async (path: string, length: number, size: number | undefined, warn: (message: string) => void): Promise<void> => {
  if (size !== undefined && size > length) {
    await truncate(path, length);
    warn(`${path}: rolled back an import that did not finish (${size - length} bytes removed)`);
  }
  await removeJournal(path);
};
