import { closeSync, openSync } from 'node:fs';
import { KEY_RECORD_WORDS, HEADER_BYTES, hashInto, type Fingerprint, type IndexHeader, type Section } from './file-index-format.js';
import { NewIndexFile, removeQuietly, scratchPathOf } from './file-index-file.js';
import { mergeKeys, writeKeyTable, writeStreamTable, type StreamRun } from './file-index-merge.js';
import { SectionWriter, Words, fileRecords, groupByStream, memoryRecords, readFully, sortKeys, type RecordSource } from './file-index-runs.js';
import type { ListedStream } from './file-index-base.js';

/** Events per sorted run: about 8 MiB of records in memory while a file is scanned, whatever its size. */
export const RUN_EVENTS = 262_144;
const LINE_FLUSH = 65_536;
const MAX_LINES = 0xffff_ffff;

/** One run written to the scratch file: where its parts are, and each stream's count in it. */
interface Run {
  readonly ids: Section;
  readonly commands: Section;
  readonly streams: Section;
  readonly counts: Uint32Array;
}

/** A run still in memory: the records of the events since the last run was written. */
class OpenRun {
  readonly ids = new Words();
  readonly commands = new Words();
  /** (stream ordinal, line) pairs. */
  readonly streams = new Words();

  get events(): number {
    return this.ids.length / KEY_RECORD_WORDS;
  }

  sorted(streams: number): { ids: Uint32Array; commands: Uint32Array; lines: Uint32Array; counts: Uint32Array } {
    return { ids: sortKeys(this.ids.view()), commands: sortKeys(this.commands.view()), ...groupByStream(this.streams.view(), streams) };
  }
}

/** What the scan found, for the header and the stream list. */
export interface ScannedLedger {
  readonly bytes: number;
  readonly lines: number;
  readonly events: number;
  readonly streams: readonly ListedStream[];
  readonly fingerprint: Fingerprint;
}

/**
 * Builds a ledger's index while its file is scanned, in memory that does not
 * grow with the file: each line's start goes straight to the line table,
 * each event's keys into a run that is sorted and written to a scratch file
 * every `RUN_EVENTS` events; `finish` merges the runs into the tables. Event
 * ids used twice are found by the merge (`onSame` hears of each pair of
 * lines whose hashes agree; the caller reads them to tell).
 */
export class IndexBuilder {
  lines = 0;
  private readonly file: NewIndexFile;
  private readonly starts = new Float64Array(LINE_FLUSH);
  private held = 0;
  private run = new OpenRun();
  private readonly runs: Run[] = [];
  private scratch: { readonly path: string; readonly fd: number; readonly out: SectionWriter } | undefined;
  private readonly key = new Uint32Array(2);

  /** `runEvents`: events per run (tests make it small to merge many runs). */
  constructor(
    private readonly ledger: string,
    private readonly runEvents = RUN_EVENTS,
  ) {
    this.file = new NewIndexFile(ledger);
  }

  /** The next line of the file starts at byte `start`; returns its number. */
  addLine(start: number): number {
    if (this.lines >= MAX_LINES) throw new RangeError(`a ledger file holds at most ${MAX_LINES} lines`);
    this.starts[this.held] = start;
    this.held += 1;
    if (this.held === LINE_FLUSH) this.flushLines();
    this.lines += 1;
    return this.lines;
  }

  addEvent(line: number, eventId: string, stream: number, commandId: string | undefined): void {
    hashInto(eventId, this.key, 0);
    this.run.ids.push3(this.key[0] ?? 0, this.key[1] ?? 0, line);
    if (commandId !== undefined) {
      hashInto(commandId, this.key, 0);
      this.run.commands.push3(this.key[0] ?? 0, this.key[1] ?? 0, line);
    }
    this.run.streams.push(stream);
    this.run.streams.push(line);
  }

  /** Write the run in memory to the scratch file once it is full (between chunks: it holds a chunk's worth more). */
  spill(streams: number): void {
    if (this.run.events < this.runEvents) return;
    this.scratch ??= this.openScratch();
    const { out } = this.scratch;
    const sorted = this.run.sorted(streams);
    const put = (words: Uint32Array, count: number): Section => {
      const offset = out.offset;
      out.words(words);
      return { offset, count };
    };
    this.runs.push({
      ids: put(sorted.ids, sorted.ids.length / KEY_RECORD_WORDS),
      commands: put(sorted.commands, sorted.commands.length / KEY_RECORD_WORDS),
      streams: put(sorted.lines, sorted.lines.length),
      counts: sorted.counts,
    });
    out.flush();
    this.run = new OpenRun();
  }

  /** Pairs of lines (earlier first), the later one among the first `lines`, whose ids hash alike: the runs so far merged. */
  sameIds(lines: number, streams: number): [number, number][] {
    const pairs: [number, number][] = [];
    mergeKeys(this.sources(streams).ids, () => undefined, (a, b) => {
      if (b <= lines) pairs.push([a, b]);
    });
    return pairs;
  }

  /**
   * Merge the runs into the tables and write the index file (not yet in
   * place: `install` does that). `onSame` hears of every pair of lines whose
   * ids hash alike, before anything is finished; it throws to refuse the file.
   */
  finish(scanned: ScannedLedger, onSame: (pairs: readonly [number, number][]) => void): NewIndexFile {
    this.flushLines();
    const lineTable = { offset: HEADER_BYTES, count: this.lines };
    const out = this.file.out;
    const sources = this.sources(scanned.streams.length);
    const pairs: [number, number][] = [];
    const ids = writeKeyTable(out, sources.ids, (a, b) => pairs.push([a, b]));
    onSame(pairs);
    const idFences = this.fences(ids.fences);
    const commands = writeKeyTable(out, sources.commands);
    const commandFences = this.fences(commands.fences);
    const streamTable = writeStreamTable(out, sources.streams, scanned.streams.length);
    const list = Buffer.from(JSON.stringify(scanned.streams), 'utf8');
    const streamList = { offset: out.offset, count: list.length };
    out.bytes(list);
    const counts = { bytes: scanned.bytes, lines: scanned.lines, events: scanned.events };
    const header: IndexHeader = {
      ...counts,
      streams: scanned.streams.length,
      lineTable,
      idTable: ids.table,
      idFences,
      commandTable: commands.table,
      commandFences,
      streamTable,
      streamList,
      committed: counts,
      fingerprint: scanned.fingerprint,
    };
    this.file.finish(header);
    this.closeScratch();
    return this.file;
  }

  /** Where line `line` (scanned already) starts. */
  startOf(line: number): number {
    const flushed = this.lines - this.held;
    if (line > flushed) return this.starts[line - flushed - 1] ?? 0;
    const bytes = new Float64Array(1);
    this.file.out.flush();
    readFully(this.file.fd, new Uint8Array(bytes.buffer), HEADER_BYTES + (line - 1) * 8);
    return bytes[0] ?? 0;
  }

  discard(): void {
    this.file.discard();
    this.closeScratch();
  }

  private fences(fences: Uint32Array): Section {
    const offset = this.file.out.offset;
    this.file.out.words(fences);
    return { offset, count: fences.length };
  }

  /** Every run as merge sources: those written to the scratch file, then the one in memory (sorted in place, so this can be asked again). */
  private sources(streams: number): { ids: RecordSource[]; commands: RecordSource[]; streams: StreamRun[] } {
    const fd = this.scratch?.fd ?? -1;
    const open = this.run.sorted(streams);
    return {
      ids: [...this.runs.map((run) => fileRecords(fd, run.ids.offset, run.ids.count, KEY_RECORD_WORDS)), memoryRecords(open.ids, KEY_RECORD_WORDS)],
      commands: [...this.runs.map((run) => fileRecords(fd, run.commands.offset, run.commands.count, KEY_RECORD_WORDS)), memoryRecords(open.commands, KEY_RECORD_WORDS)],
      streams: [
        ...this.runs.map((run) => ({ lines: fileRecords(fd, run.streams.offset, run.streams.count, 1), counts: run.counts })),
        { lines: memoryRecords(open.lines, 1), counts: open.counts },
      ],
    };
  }

  private flushLines(): void {
    this.file.out.bytes(new Uint8Array(this.starts.buffer, 0, this.held * 8));
    this.held = 0;
  }

  private openScratch(): { path: string; fd: number; out: SectionWriter } {
    const path = scratchPathOf(this.ledger, 'runs');
    const fd = openSync(path, 'wx+');
    return { path, fd, out: new SectionWriter(fd, 0) };
  }

  private closeScratch(): void {
    if (this.scratch === undefined) return;
    closeSync(this.scratch.fd);
    removeQuietly(this.scratch.path);
    this.scratch = undefined;
  }
}
