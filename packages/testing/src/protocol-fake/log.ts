/**
 * The protocol fake's transaction log: what the server keeps and decides, with
 * no gRPC in it. Each record has one log position (commit = prepare, as a
 * server gives for the events of an append), and positions grow by the size
 * of the record before, so they increase without being contiguous.
 */

/** The expectation of an append, as the protocol carries it. */
export type FakeExpectation = { readonly kind: 'any' | 'no_stream' | 'stream_exists' } | { readonly kind: 'revision'; readonly revision: bigint };

export interface ProposedRecord {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

export interface FakeRecord extends ProposedRecord {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  /** When it was written, in .NET ticks (100 ns) since the Unix epoch, as the server sends `created`. */
  readonly created: bigint;
}

export type AppendOutcome =
  | { readonly kind: 'success'; readonly revision: bigint; readonly position: bigint; readonly idempotent: boolean }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint | undefined; readonly expected: FakeExpectation };

/** Bytes a record takes in the log besides its payload (so positions leave gaps, as a real log does). */
const RECORD_OVERHEAD = 97n;

const TICKS_PER_MILLISECOND = 10_000n;

export class FakeLog {
  private readonly records: FakeRecord[] = [];
  private readonly streams = new Map<string, FakeRecord[]>();
  private nextPosition = 0n;
  private readonly listeners = new Set<(record: FakeRecord) => void>();

  get all(): readonly FakeRecord[] {
    return this.records;
  }

  stream(streamId: string): readonly FakeRecord[] | undefined {
    return this.streams.get(streamId);
  }

  /** Be told of every record written from now on (subscriptions). */
  listen(listener: (record: FakeRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Append as the server does: a retry of events already written at the place
   * the expectation names (same ids, in order) succeeds again without writing
   * (idempotent); otherwise the expectation must hold.
   */
  append(streamId: string, expected: FakeExpectation, proposed: readonly ProposedRecord[]): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? undefined : BigInt(stream.length - 1);
    const again = this.alreadyWritten(stream, expected, proposed);
    if (again !== undefined) return { kind: 'success', revision: again.revision, position: again.position, idempotent: true };
    if (!holds(expected, current)) return { kind: 'wrong_expected_version', current, expected };
    if (proposed.length === 0) return { kind: 'success', revision: current ?? -1n, position: this.nextPosition, idempotent: false };
    let last: FakeRecord | undefined;
    for (const record of proposed) last = this.write(streamId, record);
    return { kind: 'success', revision: last?.revision ?? -1n, position: last?.position ?? 0n, idempotent: false };
  }

  /** A system record (a `$`-prefixed stream or type), as a server writes its own. */
  writeSystem(streamId: string, type: string, data: unknown = {}): FakeRecord {
    const bytes = new TextEncoder().encode(JSON.stringify(data));
    return this.write(streamId, { id: crypto.randomUUID(), type, contentType: 'application/json', data: bytes, metadata: new Uint8Array() });
  }

  private write(streamId: string, proposed: ProposedRecord): FakeRecord {
    const stream = this.streams.get(streamId) ?? [];
    if (stream.length === 0) this.streams.set(streamId, stream);
    const record: FakeRecord = {
      ...proposed,
      streamId,
      revision: BigInt(stream.length),
      position: this.nextPosition,
      created: BigInt(Date.now()) * TICKS_PER_MILLISECOND,
    };
    this.nextPosition += RECORD_OVERHEAD + BigInt(proposed.data.length + proposed.metadata.length + streamId.length);
    stream.push(record);
    this.records.push(record);
    for (const listener of this.listeners) listener(record);
    return record;
  }

  /** The last of `proposed` when every one of them is already in the stream where the expectation puts them. */
  private alreadyWritten(stream: readonly FakeRecord[], expected: FakeExpectation, proposed: readonly ProposedRecord[]): FakeRecord | undefined {
    const first = proposed[0];
    if (first === undefined) return undefined;
    const start = startOf(stream, expected, first.id);
    if (start === undefined) return undefined;
    const written = stream.slice(start, start + proposed.length);
    if (written.length !== proposed.length) return undefined;
    return written.every((record, i) => record.id === proposed[i]?.id) ? written.at(-1) : undefined;
  }
}

/** Where a retried batch would sit: after the revision expected, or (any, stream_exists) where its first id is. */
const startOf = (stream: readonly FakeRecord[], expected: FakeExpectation, firstId: string): number | undefined => {
  if (expected.kind === 'revision') return Number(expected.revision) + 1;
  if (expected.kind === 'no_stream') return 0;
  const index = stream.findIndex((record) => record.id === firstId);
  return index < 0 ? undefined : index;
};

const holds = (expected: FakeExpectation, current: bigint | undefined): boolean => {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    case 'revision':
      return current === expected.revision;
  }
};
