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
