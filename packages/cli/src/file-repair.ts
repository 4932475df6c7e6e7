import { closeSync, createReadStream, createWriteStream, openSync, readSync } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { errnoOf } from './file-lock.js';
import { rollBackTo, unfinishedImportOf } from './import-journal.js';

export const sizeOf = async (path: string): Promise<number | undefined> => {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw error;
  }
};

/** Roll back an import that a crash interrupted: its journal holds the length before it (import-journal.ts). */
const rollBackUnfinishedImport = async (path: string, warn: (message: string) => void): Promise<void> => {
  const length = await unfinishedImportOf(path, warn);
  if (length !== undefined) await rollBackTo(path, length, await sizeOf(path), warn);
};

/** Offset just after the last `\n` in the first `size` bytes of the file (0 when there is none): read from the end back. */
export const endOfLastLine = (path: string, size: number): number => {
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.alloc(64 * 1024);
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - block.length);
      const read = readSync(fd, block, 0, end - start, start);
      const at = block.subarray(0, read).lastIndexOf(0x0a);
      if (at !== -1) return start + at + 1;
      end = start;
    }
    return 0;
  } finally {
    closeSync(fd);
  }
};

/**
 * A last line without its `\n` is a write that a crash cut short: cut it off.
 * Its bytes are kept in `<path>.torn-<time>` in case someone wrote it by hand.
 */
const cutTornLine = async (path: string, size: number, warn: (message: string) => void): Promise<void> => {
  const cut = endOfLastLine(path, size);
  if (cut === size) return;
  const saved = `${path}.torn-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await pipeline(createReadStream(path, { start: cut }), createWriteStream(saved, { flags: 'wx' }));
  await truncate(path, cut);
  warn(`${path}: removed an incomplete last line (${size - cut} bytes, left by an interrupted write); saved to ${saved}`);
};

/**
 * Bring a ledger file to a consistent state, reading only its end: roll back
 * an import a crash interrupted, cut a torn last line. Returns the file's
 * size after, or undefined when there is no file.
 */
export const repairLedgerFile = async (path: string, warn: (message: string) => void): Promise<number | undefined> => {
  await rollBackUnfinishedImport(path, warn);
  const size = await sizeOf(path);
  if (size === undefined || size === 0) return size;
  await cutTornLine(path, size, warn);
  return sizeOf(path);
};
