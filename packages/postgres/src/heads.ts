import type { ChainHead } from '@collective-ledger/core';

/** Streams whose heads are remembered; beyond this the one noted longest ago is forgotten. */
const LIMIT = 10_000;

/**
 * The heads (last position and its chain hash) of streams this store has just
 * read or written, so that an append after them needs no read of the head.
 * Stored events never change, so a remembered head stays true of its position
 * even when other writers have appended since: an append after it then finds
 * the next position taken and is refused, or retried from a fresh head
 * (append.ts). Only committed events are noted.
 */
export class ChainHeads {
  private readonly heads = new Map<string, ChainHead>();

  get(streamId: string): ChainHead | undefined {
    return this.heads.get(streamId);
  }

  /** Remember `head` of `streamId`, unless a later position of it is known already. */
  note(streamId: string, head: ChainHead): void {
    const known = this.heads.get(streamId);
    if (known !== undefined && known.position >= head.position) return;
    // Re-inserted, so the map's order is the order of the latest notes.
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > LIMIT) {
      const oldest = this.heads.keys().next();
      if (oldest.done !== true) this.heads.delete(oldest.value);
    }
  }
}
