import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';

/**
 * The index file beside a ledger (`<ledger>.index`): what a store needs to
 * find lines without holding them in memory. After a header of `HEADER_BYTES`:
 *
 * - the line table: the byte offset of each line (a float64 each);
 * - the event-id table: `(hash high word, hash low word, line)` as three
 *   uint32, sorted by the high word (ties in file order), and every
 *   `FENCE_EVERY`th high word as fences, so a lookup reads one block;
 * - the command-id table and its fences, the same way;
 * - the stream table: the lines of each stream's events (a uint32 each),
 *   stream after stream in the order the streams first appear;
 * - the stream list: JSON `[streamId, events, head hash | null][]`.
 *
 * Hashes only narrow the search: every hit is checked against the line itself.
 * The header records the ledger's identity, size and times when the index
 * last matched it; any difference and the index is rebuilt from the file.
 */
export const HEADER_BYTES = 4096;
/** The part of the header in use, written in one write. */
export const HEADER_USED = 512;
export const FENCE_EVERY = 256;
/** A record of the id and command tables: hash high word, hash low word, line. */
export const KEY_RECORD_WORDS = 3;

const MAGIC = 'CLEDGIDX';
const VERSION = 1;
const USED = 256;
const SUMMED_FROM = 48;

/** The ledger file as stat saw it: any change to it since (an edit, a copy, a write we did not make) changes this. */
export interface Fingerprint {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
}

export const fingerprintOf = (stats: BigIntStats): Fingerprint => ({
  dev: stats.dev,
  ino: stats.ino,
  size: stats.size,
  mtimeNs: stats.mtimeNs,
  ctimeNs: stats.ctimeNs,
});

export const sameFingerprint = (a: Fingerprint, b: Fingerprint): boolean =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

/** Where a section is: its byte offset in the index file and how many items it holds. */
export interface Section {
  readonly offset: number;
  readonly count: number;
}

/** What the tables describe: the first `bytes` of the ledger, `lines` lines holding `events` events. */
export interface IndexHeader {
  readonly bytes: number;
  readonly lines: number;
  readonly events: number;
  readonly streams: number;
  readonly lineTable: Section;
  readonly idTable: Section;
  readonly idFences: Section;
  readonly commandTable: Section;
  readonly commandFences: Section;
  readonly streamTable: Section;
  /** The stream list, `count` bytes of JSON. */
  readonly streamList: Section;
  /** How far the ledger was committed when the header was last written, and the file then. */
  readonly committed: { readonly bytes: number; readonly lines: number; readonly events: number };
  readonly fingerprint: Fingerprint;
}

const SECTIONS = ['lineTable', 'idTable', 'idFences', 'commandTable', 'commandFences', 'streamTable', 'streamList'] as const;
const FINGERPRINT = ['dev', 'ino', 'size', 'mtimeNs', 'ctimeNs'] as const;

const checksum = (bytes: Buffer): Buffer => createHash('sha256').update(bytes.subarray(SUMMED_FROM, USED)).digest();

export const encodeHeader = (header: IndexHeader): Buffer => {
  const bytes = Buffer.alloc(HEADER_USED);
  bytes.write(MAGIC, 0, 'latin1');
  bytes.writeUInt32LE(VERSION, 8);
  let at = SUMMED_FROM;
  const put = (n: number): void => {
    bytes.writeDoubleLE(n, at);
    at += 8;
  };
  [header.bytes, header.lines, header.events, header.streams].forEach(put);
  for (const name of SECTIONS) [header[name].offset, header[name].count].forEach(put);
  [header.committed.bytes, header.committed.lines, header.committed.events].forEach(put);
  for (const name of FINGERPRINT) {
    bytes.writeBigUInt64LE(BigInt.asUintN(64, header.fingerprint[name]), at);
    at += 8;
  }
  checksum(bytes).copy(bytes, 16);
  return bytes;
};

/** The header of an index file, or undefined when it is not one this version wrote whole. */
export const decodeHeader = (bytes: Buffer): IndexHeader | undefined => {
  if (bytes.length < USED || bytes.toString('latin1', 0, 8) !== MAGIC || bytes.readUInt32LE(8) !== VERSION) return undefined;
  if (!checksum(bytes).equals(bytes.subarray(16, SUMMED_FROM))) return undefined;
  let at = SUMMED_FROM;
  const take = (): number => {
    at += 8;
    return bytes.readDoubleLE(at - 8);
  };
  const [bytesCovered, lines, events, streams] = [take(), take(), take(), take()];
  const sections = Object.fromEntries(SECTIONS.map((name) => [name, { offset: take(), count: take() }])) as Record<(typeof SECTIONS)[number], Section>;
  const committed = { bytes: take(), lines: take(), events: take() };
  const fingerprint = Object.fromEntries(
    FINGERPRINT.map((name) => {
      at += 8;
      return [name, bytes.readBigUInt64LE(at - 8)];
    }),
  ) as unknown as Fingerprint;
  return { bytes: bytesCovered, lines, events, streams, ...sections, committed, fingerprint };
};

/** `header` with what was committed since, and the ledger as it is now. */
export const withCommitted = (header: IndexHeader, committed: IndexHeader['committed'], fingerprint: Fingerprint): IndexHeader => ({
  ...header,
  committed,
  fingerprint,
});

/**
 * A 64-bit hash of an id as two 32-bit words (FNV-1a and a second
 * multiplicative hash, each finished by murmur's mixer), written into `out`
 * at `at`: cheap enough for every line of a replay, spread well enough that
 * ids sharing a high word are rare.
 */
export const hashInto = (text: string, out: Uint32Array, at: number): void => {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  out[at] = mix(a);
  out[at + 1] = mix(b);
};

const mix = (value: number): number => {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};
