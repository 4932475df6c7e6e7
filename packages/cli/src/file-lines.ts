import { createReadStream } from 'node:fs';
import { LedgerLineError, splitLines, type EventMetadata, type JsonObject, type TextLine } from '@collective-ledger/core';
import { CorruptLedgerError } from './file-errors.js';

/**
 * The lines of bytes `[start, end)` of a file, streamed, numbered from
 * `firstLine`. `start` and `end` must sit on line boundaries.
 */
export async function* readFileLines(path: string, start: number, end: number, firstLine = 1): AsyncIterable<TextLine> {
  if (end <= start) return;
  const chunks = createReadStream(path, { start, end: end - 1, highWaterMark: 256 * 1024 });
  try {
    for await (const line of splitLines(chunks)) {
      yield { lineNumber: firstLine + line.lineNumber - 1, text: line.text };
    }
  } finally {
    chunks.destroy();
  }
}

/** A line with the byte offset where it starts. */
export interface PlacedLine extends TextLine {
  readonly start: number;
}

/**
 * `readFileLines` from the start of the file, with each line's byte offset:
 * the line ends are found in the bytes as they stream by (a `\n` byte ends
 * exactly one line), so lines read the same as everywhere else.
 */
export async function* readPlacedLines(path: string, end: number): AsyncIterable<PlacedLine> {
  if (end <= 0) return;
  const ends: number[] = [];
  let head = 0;
  let offset = 0;
  const chunks = createReadStream(path, { start: 0, end: end - 1, highWaterMark: 256 * 1024 });
  async function* tapped(): AsyncIterable<Buffer> {
    for await (const chunk of chunks as AsyncIterable<Buffer>) {
      for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) ends.push(offset + at + 1);
      offset += chunk.length;
      yield chunk;
    }
  }
  try {
    let start = 0;
    for await (const line of splitLines(tapped())) {
      yield { ...line, start };
      start = ends[head] ?? end;
      head += 1;
      if (head >= 65_536) {
        // Forget the line ends already used, so the scan holds only a chunk's worth.
        ends.splice(0, head);
        head = 0;
      }
    }
  } finally {
    chunks.destroy();
  }
}

export const isBlank = (text: string): boolean => text.trim() === '';

/** A stored line as the store wrote it: `{ streamId, type, data, metadata }`. */
interface StoredLine {
  readonly streamId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
}

/**
 * Read a line of the store's own file. The whole file was checked when the
 * store opened it and every line since was checked before it was written (and
 * the lock keeps other writers out), so reads only parse: replays stay fast.
 */
export const parseStoredLine = (path: string, text: string, lineNumber: number): StoredLine => {
  try {
    return JSON.parse(text) as StoredLine;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CorruptLedgerError(path, LedgerLineError.single(lineNumber, '(line)', `changed while open: ${reason}`));
  }
};
