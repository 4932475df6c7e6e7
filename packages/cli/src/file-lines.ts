import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { DEFAULT_MAX_LINE_LENGTH, LedgerLineError } from '@collective-ledger/core';

/** Bytes read per round: some thousands of lines. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The lines of one read, decoded one at a time as they are asked for
 * (holding a chunk's lines as strings would keep megabytes alive for the
 * garbage collector to move). A chunk is valid only until the next is read.
 */
export interface LineChunk {
  /** The number of the first line (line numbers start at 1 and count blank lines). */
  readonly firstLine: number;
  /** Lines in the chunk. */
  readonly count: number;
  /** The byte offset of each line's start. */
  readonly starts: readonly number[];
  /** The offset just after the last line's line end. */
  readonly end: number;
  /** Line `i` of the chunk (from 0), without its line end (and without a byte order mark on line 1). */
  text(i: number): string;
}

const NEWLINE = 0x0a;

/** Refuse invalid UTF-8 in the whole lines `[0, to)` of `buffer`, naming the line: checked for the chunk at once, line by line only to say where. */
const checkUtf8 = (buffer: Buffer, to: number, firstLine: number): void => {
  if (isUtf8(buffer.subarray(0, to))) return;
  let line = firstLine;
  for (let start = 0; start < to; line += 1) {
    const end = buffer.indexOf(NEWLINE, start) + 1;
    if (!isUtf8(buffer.subarray(start, end))) throw LedgerLineError.single(line, '(line)', 'not valid UTF-8 text');
    start = end;
  }
};

/** The whole lines `[0, to)` of `buffer`, the file's bytes from `offset`: where each starts, and where its text ends. */
const cutLines = (buffer: Buffer, to: number, offset: number, firstLine: number): LineChunk => {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let at = 0; at < to; ) {
    const next = buffer.indexOf(NEWLINE, at);
    starts.push(offset + at);
    ends.push(next > at && buffer[next - 1] === 0x0d ? next - 1 : next);
    at = next + 1;
  }
  const text = (i: number): string => {
    const start = (starts[i] ?? 0) - offset;
    const line = buffer.toString('utf8', start, ends[i] ?? start);
    if (line.length > DEFAULT_MAX_LINE_LENGTH) {
      throw LedgerLineError.single(firstLine + i, '(line)', `longer than the limit of ${DEFAULT_MAX_LINE_LENGTH} characters`);
    }
    return start + offset === 0 && line.startsWith('\uFEFF') ? line.slice(1) : line;
  };
  return { firstLine, count: starts.length, starts, end: offset + to, text };
};

/** The longest line in bytes that can still be within the limit of characters (3 bytes at most per UTF-16 unit). */
const MAX_LINE_BYTES = 3 * DEFAULT_MAX_LINE_LENGTH + 3;

/** Room for a line longer than the buffer: twice the buffer, unless the line is already too long to be a line of a ledger. */
const grown = (buffer: Buffer, line: number): Buffer => {
  if (buffer.length >= MAX_LINE_BYTES) throw LedgerLineError.single(line, '(line)', `longer than the limit of ${DEFAULT_MAX_LINE_LENGTH} characters`);
  return Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
};

/**
 * The lines of bytes `[start, end)` of the file, a chunk (about `chunkBytes`)
 * at a time, numbered from `firstLine`. `start` must be the start of a line and `end` must follow
 * a line end (a store reads only whole lines). Each chunk is checked as UTF-8
 * in one go, then cut at its line ends and each line decoded: a line reads the
 * same as `splitLines` reads it (`\n` or `\r\n`, no byte order mark on line 1).
 */
export function* readLineChunks(path: string, start: number, end: number, options: { readonly firstLine?: number; readonly chunkBytes?: number } = {}): Iterable<LineChunk> {
  const { firstLine = 1, chunkBytes = CHUNK_BYTES } = options;
  if (end <= start) return;
  const fd = openSync(path, 'r');
  try {
    let buffer: Buffer = Buffer.allocUnsafe(Math.min(chunkBytes, end - start));
    let held = 0;
    let position = start;
    let line = firstLine;
    while (position + held < end) {
      if (held === buffer.length) buffer = grown(buffer, line);
      const read = readSync(fd, buffer, held, Math.min(buffer.length - held, end - position - held), position + held);
      if (read === 0) throw new RangeError(`the file ${path} ended at ${position + held} bytes, before ${end}`);
      held += read;
      const cut = buffer.lastIndexOf(NEWLINE, held - 1) + 1;
      if (cut === 0) continue;
      checkUtf8(buffer, cut, line);
      const chunk = cutLines(buffer, cut, position, line);
      yield chunk;
      line += chunk.count;
      buffer.copy(buffer, 0, cut, held);
      held -= cut;
      position += cut;
    }
  } finally {
    closeSync(fd);
  }
}

/** A blank (or white-space only) line carries no event. */
export const isBlank = (text: string): boolean => text.length === 0 || (text.charCodeAt(0) !== 0x7b && text.trim() === '');
