import { closeSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HEADER_BYTES, encodeHeader, type IndexHeader } from './file-index-format.js';
import { SectionWriter, writeAll } from './file-index-runs.js';

/** The index file of a ledger. */
export const indexPathOf = (ledger: string): string => `${ledger}.index`;

const PART = '.index.part-';
let made = 0;

/** A file of our own beside the ledger's index, for a part of the work (`what`: `new`, `runs`). */
export const scratchPathOf = (ledger: string, what: string): string => `${ledger}${PART}${process.pid}-${(made += 1)}.${what}`;

/**
 * Remove what an index build that was interrupted (a crash, a kill) left
 * beside the ledger. Only the store that holds the ledger's lock calls this,
 * before it builds anything itself, so no build of another process is under way.
 */
export const removeLeftoverParts = (ledger: string): void => {
  const prefix = `${basename(ledger)}${PART}`;
  let names: string[];
  try {
    names = readdirSync(dirname(ledger));
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix)) removeQuietly(join(dirname(ledger), name));
};

export const removeQuietly = (path: string): void => {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
};

/** A new index file, written beside the ledger under a name of its own, then renamed into place whole. */
export class NewIndexFile {
  readonly path: string;
  readonly fd: number;
  readonly out: SectionWriter;
  private open = true;

  constructor(private readonly ledger: string) {
    this.path = scratchPathOf(ledger, 'new');
    this.fd = openSync(this.path, 'wx+');
    this.out = new SectionWriter(this.fd, HEADER_BYTES);
  }

  /** Write the header last, then sync: an index that is renamed into place is whole on disk. */
  finish(header: IndexHeader): void {
    this.out.flush();
    writeAll(this.fd, encodeHeader(header), 0);
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.open = false;
  }

  /** Put the finished file in place of the ledger's index. */
  install(): string {
    const target = indexPathOf(this.ledger);
    renameSync(this.path, target);
    return target;
  }

  discard(): void {
    if (this.open) closeSync(this.fd);
    this.open = false;
    removeQuietly(this.path);
  }
}
