import { assertValidAppend, DuplicateEventError, ledgerLine, sealEvents, type ChainHead, type StoreLimits, type StreamWrite } from '@collective-ledger/core';
import type { LedgerState } from './file-load.js';

/**
 * What an import has written but not yet committed: the heads (revision and
 * chain hash), event ids, counts and index entries (each line's stream,
 * event id, command id and length) it adds. Each write is checked against
 * the store (`stored` looks ids up in its index) and the import so far;
 * `commit` makes it all visible at once.
 */
export class StagedImport {
  events = 0;
  private readonly heads = new Map<string, ChainHead>();
  private readonly eventIds = new Set<string>();
  // One entry per line written, in parallel arrays: an import may be millions of lines.
  private readonly streamIds: string[] = [];
  private readonly ids: string[] = [];
  private readonly commandIds: (string | undefined)[] = [];
  private readonly lengths: number[] = [];
  private readonly recordedAt: string;

  constructor(
    private readonly state: LedgerState,
    private readonly stored: (eventIds: readonly string[]) => string[],
    now: () => Date,
    private readonly limits: StoreLimits,
  ) {
    this.recordedAt = now().toISOString();
  }

  /** Check one stream write and return its lines as bytes. */
  add(write: StreamWrite): Buffer {
    assertValidAppend(write.streamId, write.events, this.limits);
    const ids = write.events.map((event) => event.metadata.eventId);
    const seen = [...ids.filter((id) => this.eventIds.has(id)), ...this.stored(ids)];
    if (seen.length > 0) throw new DuplicateEventError(seen);
    const sealed = sealEvents(write.streamId, write.events, this.headOf(write.streamId), this.recordedAt);
    const lines = write.events.map((event, i) => {
      this.eventIds.add(event.metadata.eventId);
      const metadata = sealed.metadata[i] ?? event.metadata;
      const line = Buffer.from(ledgerLine({ streamId: write.streamId, type: event.type, data: event.data, metadata }), 'utf8');
      this.streamIds.push(write.streamId);
      this.ids.push(event.metadata.eventId);
      this.commandIds.push(event.metadata.commandId);
      this.lengths.push(line.length);
      return line;
    });
    this.heads.set(write.streamId, sealed.head);
    this.events += write.events.length;
    return Buffer.concat(lines);
  }

  /** Where the stream stands: as this import left it, or as the file holds it. */
  private headOf(streamId: string): ChainHead {
    const staged = this.heads.get(streamId);
    if (staged !== undefined) return staged;
    const stream = this.state.index.streams.get(streamId);
    return { position: BigInt(stream?.count ?? 0) - 1n, hash: stream?.head ?? null };
  }

  commit(bytes: number): void {
    const { index } = this.state;
    let start = this.state.bytes;
    this.lengths.forEach((length, i) => {
      const line = index.addLine(start);
      index.addEvent(line, index.stream(this.streamIds[i] ?? ''), this.ids[i] ?? '', this.commandIds[i]);
      start += length;
    });
    for (const [streamId, head] of this.heads) index.stream(streamId).head = head.hash;
    this.state.events += this.events;
    this.state.bytes += bytes;
  }
}
