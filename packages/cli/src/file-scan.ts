import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat, truncate } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { eventHash, LedgerLineError, parseLedgerEnvelope, type LedgerEntry } from '@collective-ledger/core';
import { CorruptLedgerError } from './file-errors.js';
import { errnoOf } from './file-lock.js';
import { rollBackTo, unfinishedImportOf } from './import-journal.js';
import { LedgerIndex } from './file-index.js';
import { isBlank, readPlacedLines } from './file-lines.js';

/** What a store knows of its file without holding the events: enough to check appends and to find any event. */
export interface LedgerFileState {
  exists: boolean;
  /** Length of the committed part of the file, in bytes; it always ends with a line end. */
  bytes: number;
  /** Lines in the committed part (blank ones included): the global position of the last line. */
  lines: number;
  events: number;
  readonly revisions: Map<string, bigint>;
  /** The chain hash of each stream's last event (null when it was stored before hashes existed). */
  readonly heads: Map<string, string | null>;
  readonly eventIds: Set<string>;
  /** Where each line starts, and the lines of each stream and command id. */
  readonly index: LedgerIndex;
}

const emptyState = (exists: boolean, bytes: number): LedgerFileState => ({
  exists,
  bytes,
  lines: 0,
  events: 0,
  revisions: new Map(),
  heads: new Map(),
  eventIds: new Set(),
  index: new LedgerIndex(),
});

const sizeOf = async (path: string): Promise<number | undefined> => {
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

/** Offset just after the last `\n` of the file (0 when there is none). */
const endOfLastLine = async (path: string, size: number): Promise<number> => {
  const handle = await open(path, 'r');
  try {
    const block = Buffer.alloc(64 * 1024);
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - block.length);
      const { bytesRead } = await handle.read(block, 0, end - start, start);
      const at = block.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (at !== -1) return start + at + 1;
      end = start;
    }
    return 0;
  } finally {
    await handle.close();
  }
};

/**
 * A last line without its `\n` is a write that a crash cut short: cut it off.
 * Its bytes are kept in `<path>.torn-<time>` in case someone wrote it by hand.
 */
const cutTornLine = async (path: string, size: number, warn: (message: string) => void): Promise<number> => {
  const cut = await endOfLastLine(path, size);
  if (cut === size) return size;
  const saved = `${path}.torn-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await pipeline(createReadStream(path, { start: cut }), createWriteStream(saved, { flags: 'wx' }));
  await truncate(path, cut);
  warn(`${path}: removed an incomplete last line (${size - cut} bytes, left by an interrupted write); saved to ${saved}`);
  return cut;
};

/**
 * The chain hash of a stored line's event at `position`, recomputed: a line
 * whose hash is not what its content and the stream's previous event give was
 * changed after it was written, and the ledger is refused, naming the line.
 * A line without a hash was stored before hashes existed: the chain starts again after it.
 */
const checkedHash = ({ lineNumber, streamId, event }: LedgerEntry, position: bigint, previous: string | null): string | null => {
  const stored = event.metadata.hash;
  if (stored === undefined) return null;
  const computed = eventHash({ streamId, streamPosition: position, type: event.type, data: event.data, metadata: event.metadata }, previous);
  if (computed === stored) return stored;
  throw LedgerLineError.single(
    lineNumber,
    'metadata.hash',
    `the chain is broken: event ${event.metadata.eventId} (stream ${streamId}, position ${position}) carries ${stored}, but its content and the previous event of the stream give ${computed}`,
  );
};

const scan = async (path: string, bytes: number): Promise<LedgerFileState> => {
  const state = emptyState(true, bytes);
  for await (const line of readPlacedLines(path, bytes)) {
    state.lines = state.index.addLine(line.start);
    if (isBlank(line.text)) continue;
    const entry = parseLedgerEnvelope(line.text, line.lineNumber);
    const { streamId, event } = entry;
    const { eventId, recordedAt, commandId } = event.metadata;
    if (recordedAt === undefined) {
      throw LedgerLineError.single(line.lineNumber, 'metadata.recordedAt', 'missing: every stored event has one');
    }
    if (state.eventIds.has(eventId)) {
      throw LedgerLineError.single(line.lineNumber, 'metadata.eventId', `event id ${eventId} is stored twice`);
    }
    state.eventIds.add(eventId);
    const position = (state.revisions.get(streamId) ?? -1n) + 1n;
    state.heads.set(streamId, checkedHash(entry, position, state.heads.get(streamId) ?? null));
    state.revisions.set(streamId, position);
    state.index.addEvent(state.lines, streamId, commandId);
    state.events += 1;
  }
  return state;
};

/**
 * Bring a ledger file to a consistent state (roll back an unfinished import,
 * cut a torn last line) and scan it once, streaming, for stream revisions,
 * chain heads (every hash recomputed), event ids and the index of lines. A missing file is an empty ledger (`exists: false`).
 */
export const loadLedgerFile = async (path: string, warn: (message: string) => void): Promise<LedgerFileState> => {
  await rollBackUnfinishedImport(path, warn);
  const size = await sizeOf(path);
  if (size === undefined) return emptyState(false, 0);
  const bytes = size === 0 ? 0 : await cutTornLine(path, size, warn);
  try {
    return await scan(path, bytes);
  } catch (error) {
    throw error instanceof LedgerLineError ? new CorruptLedgerError(path, error) : error;
  }
};
