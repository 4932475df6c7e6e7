import { FENCE_EVERY, KEY_RECORD_WORDS, type Section } from './file-index-format.js';
import { Words, type RecordSource, type SectionWriter } from './file-index-runs.js';

/** Where a merge is in one sorted source. */
class Cursor {
  private block: Uint32Array | undefined;
  private at = 0;

  constructor(
    private readonly source: RecordSource,
    readonly rank: number,
  ) {
    this.block = source.next();
  }

  get done(): boolean {
    return this.block === undefined;
  }

  word(offset: number): number {
    return this.block?.[this.at + offset] ?? 0;
  }

  advance(): void {
    this.at += this.source.width;
    if (this.block !== undefined && this.at >= this.block.length) {
      this.block = this.source.next();
      this.at = 0;
    }
  }
}

/** Cursor `a` comes before `b`: a smaller high word, or the same one from an earlier source (an earlier part of the file). */
const before = (a: Cursor, b: Cursor): boolean => a.word(0) < b.word(0) || (a.word(0) === b.word(0) && a.rank < b.rank);

/** A binary heap of cursors, the first by `before` on top. */
class CursorHeap {
  private readonly items: Cursor[] = [];

  constructor(cursors: readonly Cursor[]) {
    for (const cursor of cursors) if (!cursor.done) this.push(cursor);
  }

  get top(): Cursor | undefined {
    return this.items[0];
  }

  /** The top cursor moved on: let it sink to where it now belongs, or drop it at its end. */
  settle(): void {
    const top = this.items[0];
    if (top === undefined) return;
    if (top.done) {
      const last = this.items.pop() as Cursor;
      if (this.items.length === 0) return;
      this.items[0] = last;
    }
    this.sink();
  }

  private push(cursor: Cursor): void {
    this.items.push(cursor);
    this.rise(this.items.length - 1);
  }

  private rise(from: number): void {
    let at = from;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!before(this.items[at] as Cursor, this.items[parent] as Cursor)) return;
      [this.items[at], this.items[parent]] = [this.items[parent] as Cursor, this.items[at] as Cursor];
      at = parent;
    }
  }

  /** Let the top cursor sink to its place. */
  private sink(): void {
    let at = 0;
    for (;;) {
      const [left, right] = [2 * at + 1, 2 * at + 2];
      let first = at;
      if (left < this.items.length && before(this.items[left] as Cursor, this.items[first] as Cursor)) first = left;
      if (right < this.items.length && before(this.items[right] as Cursor, this.items[first] as Cursor)) first = right;
      if (first === at) return;
      [this.items[at], this.items[first]] = [this.items[first] as Cursor, this.items[at] as Cursor];
      at = first;
    }
  }
}

/** Two lines whose ids hash the same: the same id twice, or (rarely) two ids that collide. */
export type SameHash = (firstLine: number, laterLine: number) => void;

/** The records of one high word seen so far, to pair those whose low words agree too. */
class Group {
  private hi = -1;
  private readonly records: number[] = [];

  constructor(private readonly onSame: SameHash | undefined) {}

  add(hi: number, lo: number, line: number): void {
    if (this.onSame === undefined) return;
    if (hi !== this.hi) {
      this.hi = hi;
      this.records.length = 0;
    }
    for (let i = 0; i < this.records.length; i += 2) if (this.records[i] === lo) this.onSame(this.records[i + 1] ?? 0, line);
    this.records.push(lo, line);
  }
}

const FLUSH_RECORDS = 65_536;

/**
 * Merge sorted key sources (`(high, low, line)` by high word, each source an
 * earlier part of the file than the next) in order, handing each record to
 * `emit`; `onSame` hears of every pair of lines whose whole hashes agree,
 * the earlier line first.
 */
export const mergeKeys = (sources: readonly RecordSource[], emit: (hi: number, lo: number, line: number) => void, onSame?: SameHash): void => {
  const heap = new CursorHeap(sources.map((source, rank) => new Cursor(source, rank)));
  const group = new Group(onSame);
  for (let cursor = heap.top; cursor !== undefined; cursor = heap.top) {
    const [hi, lo, line] = [cursor.word(0), cursor.word(1), cursor.word(2)];
    emit(hi, lo, line);
    group.add(hi, lo, line);
    cursor.advance();
    heap.settle();
  }
};

/** `mergeKeys` into one table written by `out`: returns the table and its fences (every `FENCE_EVERY`th high word). */
export const writeKeyTable = (out: SectionWriter, sources: readonly RecordSource[], onSame?: SameHash): { table: Section; fences: Uint32Array } => {
  const offset = out.offset;
  const pending = new Words(FLUSH_RECORDS * KEY_RECORD_WORDS);
  const fences = new Words();
  let count = 0;
  mergeKeys(
    sources,
    (hi, lo, line) => {
      if (count % FENCE_EVERY === 0) fences.push(hi);
      pending.push3(hi, lo, line);
      count += 1;
      if (pending.length < FLUSH_RECORDS * KEY_RECORD_WORDS) return;
      out.words(pending.view());
      pending.clear();
    },
    onSame,
  );
  out.words(pending.view());
  return { table: { offset, count }, fences: fences.view().slice() };
};

/** One part's stream lines, grouped by stream ordinal, and how many lines each ordinal has in it. */
export interface StreamRun {
  readonly lines: RecordSource;
  readonly counts: Uint32Array;
}

/** Every stream's lines, stream after stream in ordinal order, each stream's lines in file order (part after part). */
export const writeStreamTable = (out: SectionWriter, runs: readonly StreamRun[], streams: number): Section => {
  const offset = out.offset;
  const cursors = runs.map((run, rank) => new Cursor(run.lines, rank));
  const pending = new Words(FLUSH_RECORDS);
  let count = 0;
  for (let stream = 0; stream < streams; stream += 1) {
    runs.forEach((run, r) => {
      const cursor = cursors[r] as Cursor;
      for (let k = run.counts[stream] ?? 0; k > 0; k -= 1) {
        pending.push(cursor.word(0));
        cursor.advance();
      }
    });
    if (pending.length >= FLUSH_RECORDS) {
      out.words(pending.view());
      count += pending.length;
      pending.clear();
    }
  }
  out.words(pending.view());
  count += pending.length;
  return { offset, count };
};
