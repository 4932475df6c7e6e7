import type { BaseIndex, ListedStream } from './file-index-base.js';
import { hashInto } from './file-index-format.js';

/** What a store keeps of one stream: its length and chain head, and where its lines are. */
export interface StreamState {
  readonly streamId: string;
  /** Its place in the order streams first appear in the file. */
  readonly ordinal: number;
  /** Its events in the committed file. */
  count: number;
  /** The chain hash of its last event (null when that was stored before hashes existed). */
  head: string | null;
  /** Where its lines begin in the index file's stream table, and how many are there. */
  baseFirst: number;
  baseCount: number;
  /** Its lines after what the index file covers, in order. */
  readonly tail: number[];
  /** The line of its last event (0 when it has none). */
  last: number;
}

/**
 * Where things are in a ledger file: the index file (`base`, file-index-base.ts)
 * for the lines it covers, and in memory the lines after them (`tail`: those
 * appended or found since the index file was written, until it is written
 * again). Lines are numbered from 1, as global positions are. In memory:
 * each stream's state, and per line of the tail its start, event id and
 * command id; nothing per line of the base.
 */
export class LedgerIndex {
  base: BaseIndex | undefined;
  readonly streams = new Map<string, StreamState>();
  /** The starts of the lines after the base, from line `baseLines + 1`. */
  tailStarts: number[] = [];
  tailIds = new Map<string, number>();
  tailCommands = new Map<string, number | number[]>();
  /** The line of the last event (0 when there is none): the global position a follower is current at. */
  lastEvent = 0;
  private readonly key = new Uint32Array(2);

  /**
   * Take the base's streams as the index file lists them. `keepIds: false`
   * (a store that never appends) keeps no event ids for the tail.
   */
  constructor(base?: BaseIndex, listed: readonly ListedStream[] = [], readonly keepIds = true) {
    this.base = base;
    let first = 0;
    for (const [streamId, count, head, last] of listed) {
      this.streams.set(streamId, { streamId, ordinal: this.streams.size, count, head, baseFirst: first, baseCount: count, tail: [], last });
      this.lastEvent = Math.max(this.lastEvent, last);
      first += count;
    }
  }

  /** The streams as an index file lists them, in the order they first appear. */
  listed(): ListedStream[] {
    return [...this.streams.values()].map((s) => [s.streamId, s.count, s.head, s.last]);
  }

  /** Take a new index file as the base: it covers every line known, so the tail is emptied; stream states are kept (and updated). */
  rebase(base: BaseIndex): void {
    this.base = base;
    let first = 0;
    for (const stream of this.streams.values()) {
      stream.baseFirst = first;
      stream.baseCount = stream.count;
      stream.tail.length = 0;
      first += stream.count;
    }
    this.tailStarts = [];
    this.tailIds = new Map();
    this.tailCommands = new Map();
  }

  get baseLines(): number {
    return this.base?.lines ?? 0;
  }

  /** Lines known: the base's and the tail's. */
  get lines(): number {
    return this.baseLines + this.tailStarts.length;
  }

  /** The stream's state, made (empty) when the stream is new. */
  stream(streamId: string): StreamState {
    let stream = this.streams.get(streamId);
    if (stream === undefined) {
      stream = { streamId, ordinal: this.streams.size, count: 0, head: null, baseFirst: 0, baseCount: 0, tail: [], last: 0 };
      this.streams.set(streamId, stream);
    }
    return stream;
  }

  /** Record the next line, starting at byte `start`, in the tail; returns its number. */
  addLine(start: number): number {
    this.tailStarts.push(start);
    return this.lines;
  }

  /** Record that line `line` (in the tail) holds the next event of `stream`. */
  addEvent(line: number, stream: StreamState, eventId: string, commandId: string | undefined): void {
    stream.tail.push(line);
    stream.count += 1;
    this.noteLast(stream, line);
    if (this.keepIds) this.tailIds.set(eventId, line);
    if (commandId === undefined) return;
    const lines = this.tailCommands.get(commandId);
    if (lines === undefined) this.tailCommands.set(commandId, line);
    else if (typeof lines === 'number') this.tailCommands.set(commandId, [lines, line]);
    else lines.push(line);
  }

  /** Line `line` holds the last event of `stream` so far. */
  noteLast(stream: StreamState, line: number): void {
    stream.last = line;
    if (line > this.lastEvent) this.lastEvent = line;
  }

  /** The byte offset where line `line` starts. */
  startOf(line: number): number {
    if (line > this.baseLines) {
      const start = this.tailStarts[line - this.baseLines - 1];
      if (start === undefined) throw new RangeError(`line ${line} is not in the index`);
      return start;
    }
    return this.base?.lineStarts(line, 1)[0] ?? 0;
  }

  /** Bytes `[start, end)` of line `line`, its line end included; `fileEnd` closes the last line. */
  rangeOf(line: number, fileEnd: number): readonly [number, number] {
    if (line < 1 || line > this.lines) throw new RangeError(`line ${line} is not in the index`);
    if (line < this.baseLines) {
      const [start = 0, next = 0] = this.base?.lineStarts(line, 2) ?? [];
      return [start, next];
    }
    return [this.startOf(line), line === this.lines ? fileEnd : this.startOf(line + 1)];
  }

  /** The lines of stream positions `from` to `from + count - 1` of `stream`. */
  streamLines(stream: StreamState, from: number, count: number): number[] {
    const lines: number[] = [];
    const inBase = Math.max(0, Math.min(count, stream.baseCount - from));
    if (inBase > 0 && this.base !== undefined) lines.push(...this.base.streamLines(stream.baseFirst + from, inBase));
    for (let p = Math.max(from, stream.baseCount); p < from + count; p += 1) lines.push(stream.tail[p - stream.baseCount] ?? 0);
    return lines;
  }

  /** The stream position of the event on line `line` of `stream` (a binary search of its lines), or -1. */
  positionOf(stream: StreamState, line: number): number {
    let [low, high] = [0, stream.count - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.streamLines(stream, middle, 1)[0] ?? 0;
      if (at === line) return middle;
      if (at < line) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** How many events of `stream` are on lines before `line`. */
  countBefore(stream: StreamState, line: number): number {
    let [low, high] = [0, stream.count];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.streamLines(stream, middle, 1)[0] ?? 0) < line) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Lines that may hold an event with this id: read them to tell (a hash narrows, the line decides). */
  idCandidates(eventId: string): number[] {
    const tail = this.tailIds.get(eventId);
    if (this.base === undefined) return tail === undefined ? [] : [tail];
    hashInto(eventId, this.key, 0);
    const lines = this.base.idLines(this.key[0] ?? 0, this.key[1] ?? 0);
    return tail === undefined ? lines : [...lines, tail];
  }

  /** Lines that may hold events of this command id, in file order: read them to tell. */
  commandCandidates(commandId: string): number[] {
    const tail = this.tailCommands.get(commandId);
    const lines = tail === undefined ? [] : typeof tail === 'number' ? [tail] : [...tail];
    if (this.base === undefined) return lines;
    hashInto(commandId, this.key, 0);
    return [...this.base.commandLines(this.key[0] ?? 0, this.key[1] ?? 0), ...lines];
  }
}
