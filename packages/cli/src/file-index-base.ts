import { closeSync, openSync, readSync } from 'node:fs';
import { FENCE_EVERY, HEADER_USED, KEY_RECORD_WORDS, decodeHeader, encodeHeader, type IndexHeader, type Section } from './file-index-format.js';
import { readFully, writeAll } from './file-index-runs.js';

/** A stream as the index file lists it: its id, its events in the tables, the chain hash of the last and the line it is on. */
export type ListedStream = readonly [streamId: string, events: number, head: string | null, last: number];

/** The header of the open index file `fd`, or undefined when it is not one this version wrote whole. */
const headerOf = (fd: number): IndexHeader | undefined => {
  const bytes = Buffer.alloc(HEADER_USED);
  const read = readSync(fd, bytes, 0, HEADER_USED, 0);
  return read === HEADER_USED ? decodeHeader(bytes) : undefined;
};

/** `count` uint32 words at byte `offset` of `fd`. */
const wordsAt = (fd: number, offset: number, count: number): Uint32Array => {
  const words = new Uint32Array(count);
  if (count > 0) readFully(fd, new Uint8Array(words.buffer), offset);
  return words;
};

/** The key records (three words each) of the block that starts at record `first`. */
const keyBlock = (fd: number, table: Section, first: number): Uint32Array =>
  wordsAt(fd, table.offset + first * KEY_RECORD_WORDS * 4, Math.min(FENCE_EVERY, table.count - first) * KEY_RECORD_WORDS);

/**
 * The tables of an index file, read where they lie: a lookup reads one block
 * of a key table, a stream read the part of the stream table it needs. Only
 * the fences and the stream list are held in memory.
 */
export class BaseIndex {
  private idFences: Uint32Array | undefined;
  private commandFences: Uint32Array | undefined;

  private constructor(
    readonly path: string,
    readonly fd: number,
    public header: IndexHeader,
  ) {}

  /**
   * Open the index file at `path` and read its header from the file opened
   * (a file put in its place meanwhile is not mixed up with it); undefined
   * when there is none or it is not whole. `writable`: its header is rewritten after each commit.
   */
  static tryOpen(path: string, writable: boolean): BaseIndex | undefined {
    let fd: number;
    try {
      fd = openSync(path, writable ? 'r+' : 'r');
    } catch {
      return undefined;
    }
    const header = headerOf(fd);
    if (header !== undefined) return new BaseIndex(path, fd, header);
    closeSync(fd);
    return undefined;
  }

  get lines(): number {
    return this.header.lines;
  }

  get bytes(): number {
    return this.header.bytes;
  }

  streams(): ListedStream[] {
    const { offset, count } = this.header.streamList;
    const bytes = Buffer.alloc(count);
    if (count > 0) readFully(this.fd, bytes, offset);
    return count === 0 ? [] : (JSON.parse(bytes.toString('utf8')) as ListedStream[]);
  }

  /** The byte offsets where lines `first` to `first + count - 1` start (lines numbered from 1). */
  lineStarts(first: number, count: number): Float64Array {
    const starts = new Float64Array(count);
    if (count > 0) readFully(this.fd, new Uint8Array(starts.buffer), this.header.lineTable.offset + (first - 1) * 8);
    return starts;
  }

  /** Entries `first` to `first + count - 1` of the stream table: lines of events. */
  streamLines(first: number, count: number): Uint32Array {
    return wordsAt(this.fd, this.header.streamTable.offset + first * 4, count);
  }

  /** The lines whose event id hashes to `(hi, lo)`: the lines to read to tell whether the id is stored. */
  idLines(hi: number, lo: number): number[] {
    this.idFences ??= wordsAt(this.fd, this.header.idFences.offset, this.header.idFences.count);
    return this.keyLines(this.header.idTable, this.idFences, hi, lo);
  }

  /** The lines whose command id hashes to `(hi, lo)`. */
  commandLines(hi: number, lo: number): number[] {
    this.commandFences ??= wordsAt(this.fd, this.header.commandFences.offset, this.header.commandFences.count);
    return this.keyLines(this.header.commandTable, this.commandFences, hi, lo);
  }

  /** Rewrite the header (what is committed now, the ledger as it is now); never synced: a lost header only makes the next open rebuild. */
  writeHeader(header: IndexHeader): void {
    writeAll(this.fd, encodeHeader(header), 0);
    this.header = header;
  }

  close(): void {
    closeSync(this.fd);
  }

  private keyLines(table: Section, fences: Uint32Array, hi: number, lo: number): number[] {
    // The last block whose first key is below `hi`: records of `hi` may begin in it and run on.
    let [low, high] = [0, fences.length - 1];
    let block = 0;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if ((fences[middle] ?? 0) < hi) {
        block = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    const lines: number[] = [];
    for (let first = block * FENCE_EVERY; first < table.count; first += FENCE_EVERY) {
      const records = keyBlock(this.fd, table, first);
      for (let at = 0; at < records.length; at += KEY_RECORD_WORDS) {
        const key = records[at] ?? 0;
        if (key > hi) return lines;
        if (key === hi && records[at + 1] === lo) lines.push(records[at + 2] ?? 0);
      }
    }
    return lines;
  }
}
