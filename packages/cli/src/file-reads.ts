import { open, type FileHandle } from 'node:fs/promises';
import { LedgerLineError, type RecordedEvent, type StreamRead } from '@collective-ledger/core';
import { CorruptLedgerError } from './file-errors.js';
import type { LedgerIndex, StreamState } from './file-index.js';
import { recordedOf, storedEntryOf } from './file-scan.js';

/** Events read per round of a stream read: a page of a long stream. */
const PAGE_LINES = 256;
/** Adjacent lines are read in one read of up to about this many bytes. */
const RUN_BYTES = 1024 * 1024;

/** What a read by offsets needs of the store: the file, its index, and its committed end now. */
export interface LedgerView {
  readonly path: string;
  readonly index: LedgerIndex;
  committedBytes(): number;
}

/** A line's text from its bytes: without its line end, and without a byte order mark on line 1. */
const textOf = (bytes: Buffer, lineNumber: number): string => {
  let text = bytes.toString('utf8');
  if (text.endsWith('\n')) text = text.slice(0, -1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return lineNumber === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text;
};

const changedWhileOpen = (view: LedgerView, lineNumber: number, reason: string): CorruptLedgerError =>
  new CorruptLedgerError(view.path, LedgerLineError.single(lineNumber, '(line)', `changed while open: ${reason}`));

/** `buffer.length` bytes at `position`: `read` may return fewer, so loop. */
const readFully = async (handle: FileHandle, buffer: Buffer, position: number): Promise<number> => {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
};

/** Index just past the run of adjacent lines from `sorted[from]`, kept to about `RUN_BYTES`. */
const runEnd = (view: LedgerView, sorted: readonly number[], from: number, end: number): number => {
  const [start] = view.index.rangeOf(sorted[from] ?? 0, end);
  let next = from + 1;
  while (next < sorted.length && sorted[next] === (sorted[next - 1] ?? 0) + 1) {
    if (view.index.rangeOf(sorted[next] ?? 0, end)[1] - start > RUN_BYTES) break;
    next += 1;
  }
  return next;
};

/** The texts of `lines` (committed lines, any order), adjacent lines in one read each. */
const readTexts = async (handle: FileHandle, view: LedgerView, lines: readonly number[]): Promise<Map<number, string>> => {
  const texts = new Map<number, string>();
  const sorted = [...lines].sort((a, b) => a - b);
  const end = view.committedBytes();
  for (let from = 0; from < sorted.length; ) {
    const to = runEnd(view, sorted, from, end);
    const first = sorted[from] ?? 0;
    const [start] = view.index.rangeOf(first, end);
    const stop = view.index.rangeOf(sorted[to - 1] ?? 0, end)[1];
    const buffer = Buffer.alloc(stop - start);
    if ((await readFully(handle, buffer, start)) < buffer.length) throw changedWhileOpen(view, first, 'the file is shorter');
    for (const line of sorted.slice(from, to)) {
      const [a, b] = view.index.rangeOf(line, end);
      texts.set(line, textOf(buffer.subarray(a - start, b - start), line));
    }
    from = to;
  }
  return texts;
};

/** A line read by its offset, checked: a line that no longer parses was changed after the store checked it. */
const entryOn = (view: LedgerView, text: string, line: number): ReturnType<typeof storedEntryOf> => {
  try {
    return storedEntryOf(text, line);
  } catch (error) {
    if (!(error instanceof LedgerLineError)) throw error;
    throw error.path === '(line)' ? changedWhileOpen(view, line, error.reason) : new CorruptLedgerError(view.path, error);
  }
};

/** The event on `line`, which the index says holds stream position `at.position` of `at.stream`. */
const eventOn = (view: LedgerView, text: string, line: number, at: { readonly stream: StreamState; readonly position: number }): RecordedEvent => {
  const entry = entryOn(view, text, line);
  if (entry.streamId !== at.stream.streamId) throw changedWhileOpen(view, line, `expected an event of ${at.stream.streamId}`);
  return recordedOf(entry, at.position);
};

/** The stream positions of the next page of a read, in the order they are returned. */
const pageOf = (count: number, read: StreamRead, next: number, left: number): number[] => {
  const size = read.backward ? Math.min(PAGE_LINES, left, next + 1) : Math.min(PAGE_LINES, left, count - next);
  if (size <= 0) return [];
  return Array.from({ length: size }, (_, k) => (read.backward ? next - k : next + k));
};

/**
 * A stream's events as `read` asks, page by page, each event read at its
 * offset: as many events read as returned. A forward read sees events that
 * commit while it runs (the stream's count grows); a backward one starts
 * from the stream's end when it begins.
 */
export async function* readStreamLines(view: LedgerView, streamId: string, read: StreamRead): AsyncIterable<RecordedEvent> {
  const stream = view.index.streams.get(streamId);
  if (stream === undefined || stream.count === 0) return;
  const last = stream.count - 1;
  let next = read.backward ? Math.min(Number(read.from ?? BigInt(last)), last) : Number(read.from ?? 0n);
  let left = read.maxCount;
  const handle = await open(view.path, 'r');
  try {
    for (let page = pageOf(stream.count, read, next, left); page.length > 0; page = pageOf(stream.count, read, next, left)) {
      const low = Math.min(...page);
      const lines = view.index.streamLines(stream, low, page.length);
      const lineAt = (position: number): number => lines[position - low] ?? 0;
      const texts = await readTexts(handle, view, page.map(lineAt));
      yield* page.map((position) => eventOn(view, texts.get(lineAt(position)) ?? '', lineAt(position), { stream, position }));
      next += read.backward ? -page.length : page.length;
      left -= page.length;
    }
  } finally {
    await handle.close();
  }
}

/** The events of a command id, in file (global) order, each read at its offset; lines whose hash only looked alike are left out. */
export const readCommandLines = async (view: LedgerView, commandId: string): Promise<RecordedEvent[]> => {
  const lines = [...new Set(view.index.commandCandidates(commandId))].sort((a, b) => a - b);
  if (lines.length === 0) return [];
  const handle = await open(view.path, 'r');
  try {
    const texts = await readTexts(handle, view, lines);
    return lines.flatMap((line) => {
      const entry = entryOn(view, texts.get(line) ?? '', line);
      if (entry.event.metadata.commandId !== commandId) return [];
      const stream = view.index.streams.get(entry.streamId);
      const position = stream === undefined ? -1 : view.index.positionOf(stream, line);
      if (position < 0) throw changedWhileOpen(view, line, `the index has no event of ${entry.streamId} on this line`);
      return [recordedOf(entry, position)];
    });
  } finally {
    await handle.close();
  }
};
