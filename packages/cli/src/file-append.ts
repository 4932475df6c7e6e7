import {
  assertValidAppend,
  checkExpectedRevision,
  DuplicateEventError,
  ledgerLine,
  sealEvents,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type StoreLimits,
  type StreamWrite,
} from '@collective-ledger/core';
import { FOLD_LINES, foldIndex } from './file-fold.js';
import { withCommitted } from './file-index-format.js';
import { appendSignalOf } from './file-follow.js';
import { ledgerFingerprint, type LedgerState } from './file-load.js';
import { storedEventIds } from './file-lookup.js';
import type { LedgerFileWriter } from './file-writer.js';
import { StagedImport } from './staged-import.js';

/** What a write needs of the store: its file, its state, its writer and its settings. */
export interface Commit {
  readonly path: string;
  readonly state: LedgerState;
  readonly writer: LedgerFileWriter;
  readonly now: () => Date;
  readonly limits: StoreLimits;
  readonly warn: (message: string) => void;
}

/**
 * After a write committed: bring the index file up to date (its header says
 * how far the file is committed and how the file looks now; every
 * `FOLD_LINES` lines its tables are written again), then wake followers.
 * The ledger is already safe: an index that cannot be written is only stale,
 * and the next open rebuilds it.
 */
const published = (commit: Commit): void => {
  const { path, state } = commit;
  try {
    const fingerprint = ledgerFingerprint(path);
    const base = state.index.base;
    if (base === undefined || state.index.tailStarts.length > FOLD_LINES) foldIndex(path, state, fingerprint);
    else base.writeHeader(withCommitted(base.header, { bytes: state.bytes, lines: state.index.lines, events: state.events }, fingerprint));
  } catch (error) {
    commit.warn(`${path}.index: could not write the index (${error instanceof Error ? error.message : String(error)}); it is rebuilt from the ledger the next time it is opened`);
  }
  appendSignalOf(path).wakeAll();
};

const storedOf = (commit: Commit) => (eventIds: readonly string[]) => storedEventIds(commit.path, commit.state.index, commit.state.bytes, eventIds);

/** One append: checked (content, ids not stored, expected revision), sealed, written in one write and synced, then indexed. */
export const appendBatch = async (commit: Commit, streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> => {
  assertValidAppend(streamId, events, commit.limits);
  const { state } = commit;
  const seen = storedOf(commit)(events.map((e) => e.metadata.eventId));
  if (seen.length > 0) throw new DuplicateEventError(seen);
  const known = state.index.streams.get(streamId);
  const current = known === undefined || known.count === 0 ? undefined : BigInt(known.count - 1);
  checkExpectedRevision(streamId, expected, current);
  const sealed = sealEvents(streamId, events, { position: current ?? -1n, hash: known?.head ?? null }, commit.now().toISOString());
  const lines = events.map((event, i) =>
    Buffer.from(ledgerLine({ streamId, type: event.type, data: event.data, metadata: sealed.metadata[i] ?? event.metadata }), 'utf8'),
  );
  await commit.writer.append(Buffer.concat(lines));
  const stream = state.index.stream(streamId);
  events.forEach((event, i) => {
    const line = state.index.addLine(state.bytes);
    state.index.addEvent(line, stream, event.metadata.eventId, event.metadata.commandId);
    state.bytes += lines[i]?.length ?? 0;
  });
  stream.head = sealed.head.hash;
  state.events += events.length;
  published(commit);
  return { nextExpectedRevision: BigInt(stream.count - 1), lastGlobalPosition: BigInt(state.index.lines) };
};

/** An import: every write checked as it is written after the end of the file; on any error the file is cut back. */
export const importWrites = async (commit: Commit, writes: AsyncIterable<StreamWrite>): Promise<{ readonly events: bigint }> => {
  const staged = new StagedImport(commit.state, storedOf(commit), commit.now, commit.limits);
  const session = await commit.writer.begin();
  try {
    for await (const write of writes) await session.write(staged.add(write));
    const bytes = await session.finish();
    staged.commit(bytes);
  } catch (error) {
    await session.abort();
    throw error;
  }
  published(commit);
  return { events: BigInt(staged.events) };
};
