import { assertValidAppend, DuplicateEventError, ledgerLine, sealEvents, type ChainHead, type StoreLimits, type StreamWrite } from '@collective-ledger/core';
import type { LedgerFileState } from './file-scan.js';

/**
 * What an import has written but not yet committed: the heads (revision and
 * chain hash), event ids, counts and index entries (each line's stream,
 * command id and length) it adds. Each write is checked against the store and the import so far;
 * `commit` makes it all visible at once.
 */
export class StagedImport {
  events = 0;
  private readonly heads = new Map<string, ChainHead>();
  private readonly eventIds = new Set<string>();
  // One entry per line written, in parallel arrays: an import may be millions of lines.
  private readonly streamIds: string[] = [];
  private readonly commandIds: (string | undefined)[] = [];
  private readonly lengths: number[] = [];
  private readonly recordedAt: string;

  constructor(
    private readonly state: LedgerFileState,
    now: () => Date,
    private readonly limits: StoreLimits,
  ) {
    this.recordedAt = now().toISOString();
  }

  /** Check one stream write and return its lines as bytes. */
  add(write: StreamWrite): Buffer {
    assertValidAppend(write.streamId, write.events, this.limits);
    const seen = write.events
      .map((event) => event.metadata.eventId)
      .filter((id) => this.state.eventIds.has(id) || this.eventIds.has(id));
    if (seen.length > 0) throw new DuplicateEventError(seen);
    const sealed = sealEvents(write.streamId, write.events, this.headOf(write.streamId), this.recordedAt);
    const lines = write.events.map((event, i) => {
      this.eventIds.add(event.metadata.eventId);
      const metadata = sealed.metadata[i] ?? event.metadata;
      const line = Buffer.from(ledgerLine({ streamId: write.streamId, type: event.type, data: event.data, metadata }), 'utf8');
      this.streamIds.push(write.streamId);
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
    return { position: this.state.revisions.get(streamId) ?? -1n, hash: this.state.heads.get(streamId) ?? null };
  }

  commit(bytes: number): void {
    for (const [streamId, head] of this.heads) {
      this.state.revisions.set(streamId, head.position);
      this.state.heads.set(streamId, head.hash);
    }
    for (const id of this.eventIds) this.state.eventIds.add(id);
    this.state.events += this.events;
    let start = this.state.bytes;
    this.lengths.forEach((length, i) => {
      this.state.lines = this.state.index.addLine(start);
      this.state.index.addEvent(this.state.lines, this.streamIds[i] ?? '', this.commandIds[i]);
      start += length;
    });
    this.state.bytes += bytes;
  }
}
