import { readSync, writeSync } from 'node:fs';

/** A growable list of uint32 words: the records of one run, kept in typed arrays rather than objects. */
export class Words {
  data: Uint32Array;
  length = 0;

  constructor(capacity = 4096) {
    this.data = new Uint32Array(capacity);
  }

  push(a: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length] = a;
    this.length += 1;
  }

  push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.data.length) this.grow();
    const at = this.length;
    this.data[at] = a;
    this.data[at + 1] = b;
    this.data[at + 2] = c;
    this.length = at + 3;
  }

  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const next = new Uint32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/** Where each 16-bit digit's records begin in a pass: counts, then their running sums. */
const digitStarts = (from: Uint32Array, shift: number): Uint32Array => {
  const starts = new Uint32Array(65_537);
  for (let i = 0; i < from.length; i += 3) {
    const digit = (((from[i] ?? 0) >>> shift) & 0xffff) + 1;
    starts[digit] = (starts[digit] ?? 0) + 1;
  }
  for (let d = 1; d < starts.length; d += 1) starts[d] = (starts[d] ?? 0) + (starts[d - 1] ?? 0);
  return starts;
};

/** One pass of a stable radix sort of 3-word records by 16 bits of their first word. */
const radixPass = (from: Uint32Array, to: Uint32Array, shift: number): void => {
  const next = digitStarts(from, shift);
  for (let i = 0; i < from.length; i += 3) {
    const digit = ((from[i] ?? 0) >>> shift) & 0xffff;
    const at = (next[digit] ?? 0) * 3;
    next[digit] = (next[digit] ?? 0) + 1;
    copyRecord(from, i, to, at);
  }
};

const copyRecord = (from: Uint32Array, i: number, to: Uint32Array, at: number): void => {
  to[at] = from[i] ?? 0;
  to[at + 1] = from[i + 1] ?? 0;
  to[at + 2] = from[i + 2] ?? 0;
};

/** Key records `(high, low, line)` sorted by their high word, records with the same high word in the order given. */
export const sortKeys = (records: Uint32Array): Uint32Array => {
  const spare = new Uint32Array(records.length);
  radixPass(records, spare, 0);
  radixPass(spare, records, 16);
  return records;
};

/** Stream records `(stream ordinal, line)` grouped by ordinal, lines in the order given: the lines, and each ordinal's count. */
export const groupByStream = (pairs: Uint32Array, streams: number): { lines: Uint32Array; counts: Uint32Array } => {
  const counts = new Uint32Array(streams);
  const n = pairs.length / 2;
  for (let i = 0; i < n; i += 1) {
    const stream = pairs[i * 2] ?? 0;
    counts[stream] = (counts[stream] ?? 0) + 1;
  }
  const next = new Uint32Array(streams);
  for (let s = 1; s < streams; s += 1) next[s] = (next[s - 1] ?? 0) + (counts[s - 1] ?? 0);
  const lines = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) {
    const stream = pairs[i * 2] ?? 0;
    lines[next[stream] ?? 0] = pairs[i * 2 + 1] ?? 0;
    next[stream] = (next[stream] ?? 0) + 1;
  }
  return { lines, counts };
};

/** Records `width` words each, handed out a block at a time: from part of a file, or from memory. */
export interface RecordSource {
  readonly width: number;
  /** The next block of whole records, or undefined after the last. */
  next(): Uint32Array | undefined;
}

const BLOCK_RECORDS = 16_384;

/** `records` records of `width` words at byte `offset` of the open file `fd`. */
export const fileRecords = (fd: number, offset: number, records: number, width: number): RecordSource => {
  let done = 0;
  // A typed array of its own (not a pooled Buffer): its bytes are aligned for the uint32 view.
  const words = new Uint32Array(Math.min(BLOCK_RECORDS, Math.max(records, 1)) * width);
  const bytes = new Uint8Array(words.buffer);
  return {
    width,
    next() {
      if (done >= records) return undefined;
      const count = Math.min(BLOCK_RECORDS, records - done);
      readFully(fd, bytes.subarray(0, count * width * 4), offset + done * width * 4);
      done += count;
      return words.subarray(0, count * width);
    },
  };
};

export const memoryRecords = (words: Uint32Array, width: number): RecordSource => {
  let given = false;
  return {
    width,
    next() {
      if (given || words.length === 0) return undefined;
      given = true;
      return words;
    },
  };
};

/** Read exactly `buffer.length` bytes at `position`. */
export const readFully = (fd: number, buffer: Uint8Array, position: number): void => {
  for (let done = 0; done < buffer.length; ) {
    const read = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (read === 0) throw new RangeError(`an index file ended at ${position + done} bytes, before ${position + buffer.length}`);
    done += read;
  }
};

const OUT_BYTES = 1024 * 1024;

/** Writes one section after another into an open file, buffered. */
export class SectionWriter {
  private readonly buffer = Buffer.allocUnsafe(OUT_BYTES);
  private held = 0;

  constructor(
    private readonly fd: number,
    public position: number,
  ) {}

  /** Where the next byte goes. */
  get offset(): number {
    return this.position + this.held;
  }

  bytes(data: Uint8Array): void {
    if (this.held + data.length > this.buffer.length) this.flush();
    if (data.length > this.buffer.length) {
      writeAll(this.fd, data, this.position);
      this.position += data.length;
      return;
    }
    this.buffer.set(data, this.held);
    this.held += data.length;
  }

  words(data: Uint32Array): void {
    this.bytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }

  flush(): void {
    writeAll(this.fd, this.buffer.subarray(0, this.held), this.position);
    this.position += this.held;
    this.held = 0;
  }
}

export const writeAll = (fd: number, data: Uint8Array, position: number): void => {
  for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done, position + done);
};
