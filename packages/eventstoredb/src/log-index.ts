import type { RecordedEvent } from '@collective-ledger/core';

/** Where an event is: enough to read it again. */
export interface Place {
  readonly streamId: string;
  readonly revision: bigint;
}

/**
 * What the adapter knows of `$all` that EventStoreDB has no index for: every
 * event id (the server keeps ids unique only per stream, the kernel across
 * the store), the places of each command id's events (`readCommand`), and
 * the commit position of every event, in order (a read from any kernel
 * position starts at an event's own position, the only kind a server takes).
 * It is filled by following `$all` and kept in memory, as the file store
 * keeps its line index.
 */
export class LogIndex {
  private readonly ids = new Set<string>();
  private readonly commands = new Map<string, Place[]>();
  private readonly positions: bigint[] = [];

  /** The commit position of the last event indexed, or `undefined` when none is. */
  get last(): bigint | undefined {
    return this.positions.at(-1);
  }

  get size(): number {
    return this.positions.length;
  }

  /** Index an event read from `$all` after the last one indexed; an event at or before it is ignored. */
  add(event: RecordedEvent): void {
    const last = this.last;
    if (last !== undefined && event.globalPosition <= last) return;
    this.positions.push(event.globalPosition);
    this.ids.add(event.metadata.eventId);
    const commandId = event.metadata.commandId;
    if (commandId === undefined) return;
    const place = { streamId: event.streamId, revision: event.streamPosition };
    const places = this.commands.get(commandId);
    if (places === undefined) this.commands.set(commandId, [place]);
    else places.push(place);
  }

  /** The ids among `eventIds` that are already stored. */
  stored(eventIds: readonly string[]): string[] {
    return eventIds.filter((id) => this.ids.has(id));
  }

  /** The places of a command's events, in global order. */
  placesOf(commandId: string): readonly Place[] {
    return this.commands.get(commandId) ?? [];
  }

  /** The greatest indexed position at or before `position`, or `undefined` when every indexed one is after it. */
  startFor(position: bigint): bigint | undefined {
    let low = 0;
    let high = this.positions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.positions[middle] ?? 0n) <= position) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? undefined : this.positions[low - 1];
  }
}
