import { BaseIndex } from './file-index-base.js';
import { NewIndexFile } from './file-index-file.js';
import { HEADER_BYTES, KEY_RECORD_WORDS, hashInto, type Fingerprint, type IndexHeader, type Section } from './file-index-format.js';
import { writeKeyTable, writeStreamTable, type StreamRun } from './file-index-merge.js';
import { fileRecords, memoryRecords, sortKeys, Words, type RecordSource, type SectionWriter } from './file-index-runs.js';
import type { LedgerIndex } from './file-index.js';
import type { LedgerState } from './file-load.js';

/** Lines kept in the tail before the index file is written again: what an open scans beyond the tables at most. */
export const FOLD_LINES = 16_384;

/** The tail's keys as sorted records: each id (or each command id's lines) with its line. */
const tailKeys = (keys: ReadonlyMap<string, number | readonly number[]>): Uint32Array => {
  const words = new Words();
  const hash = new Uint32Array(2);
  for (const [key, lines] of keys) {
    hashInto(key, hash, 0);
    for (const line of typeof lines === 'number' ? [lines] : lines) words.push3(hash[0] ?? 0, hash[1] ?? 0, line);
  }
  // The tail's maps are in line order, and records of one hash stay in that order.
  return sortKeys(words.view());
};

const none: RecordSource = { width: KEY_RECORD_WORDS, next: () => undefined };

/** The base's key table as a merge source, or nothing when there is no base. */
const baseKeys = (base: BaseIndex | undefined, table: (header: IndexHeader) => Section): RecordSource =>
  base === undefined ? none : fileRecords(base.fd, table(base.header).offset, table(base.header).count, KEY_RECORD_WORDS);

const writeLines = (out: SectionWriter, index: LedgerIndex): Section => {
  const offset = out.offset;
  for (let first = 1; first <= index.baseLines; first += 65_536) {
    const starts = index.base?.lineStarts(first, Math.min(65_536, index.baseLines - first + 1)) ?? new Float64Array(0);
    out.bytes(new Uint8Array(starts.buffer));
  }
  out.bytes(new Uint8Array(Float64Array.from(index.tailStarts).buffer));
  return { offset, count: index.lines };
};

/** The base's stream table and the tail's lines, as the two runs of a stream merge. */
const streamRuns = (index: LedgerIndex): StreamRun[] => {
  const streams = [...index.streams.values()];
  const base = index.base;
  const tail = new Uint32Array(streams.reduce((n, s) => n + s.tail.length, 0));
  let at = 0;
  for (const stream of streams) {
    tail.set(stream.tail, at);
    at += stream.tail.length;
  }
  return [
    {
      lines: base === undefined ? none : fileRecords(base.fd, base.header.streamTable.offset, base.header.streamTable.count, 1),
      counts: Uint32Array.from(streams, (s) => s.baseCount),
    },
    { lines: memoryRecords(tail, 1), counts: Uint32Array.from(streams, (s) => s.tail.length) },
  ];
};

/**
 * Write the index file again, covering every committed line: the tables of
 * the old one merged with the tail's lines, streamed (memory stays that of
 * the tail). The tail is then empty. This is also how the first index file
 * of a ledger the store created is written.
 */
export const foldIndex = (path: string, state: LedgerState, fingerprint: Fingerprint): void => {
  const { index } = state;
  const file = new NewIndexFile(path);
  try {
    const out = file.out;
    out.position = HEADER_BYTES;
    const lineTable = writeLines(out, index);
    const ids = writeKeyTable(out, [baseKeys(index.base, (h) => h.idTable), memoryRecords(tailKeys(index.tailIds), KEY_RECORD_WORDS)]);
    const idFences = { offset: out.offset, count: ids.fences.length };
    out.words(ids.fences);
    const commands = writeKeyTable(out, [baseKeys(index.base, (h) => h.commandTable), memoryRecords(tailKeys(index.tailCommands), KEY_RECORD_WORDS)]);
    const commandFences = { offset: out.offset, count: commands.fences.length };
    out.words(commands.fences);
    const streamTable = writeStreamTable(out, streamRuns(index), index.streams.size);
    const list = Buffer.from(JSON.stringify(index.listed()), 'utf8');
    const streamList = { offset: out.offset, count: list.length };
    out.bytes(list);
    const counts = { bytes: state.bytes, lines: index.lines, events: state.events };
    file.finish({ ...counts, streams: index.streams.size, lineTable, idTable: ids.table, idFences, commandTable: commands.table, commandFences, streamTable, streamList, committed: counts, fingerprint });
    const target = file.install();
    const base = BaseIndex.tryOpen(target, true);
    if (base === undefined) throw new Error(`${target}: the index file just written cannot be read back`);
    index.base?.close();
    index.rebase(base);
  } catch (error) {
    file.discard();
    throw error;
  }
};
