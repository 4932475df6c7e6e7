import { eventHash } from '../kernel/chain.js';
import type { RecordedEvent } from '../kernel/event.js';
import { broken, type BookProblem } from './problem.js';

interface Head {
  readonly position: bigint;
  /** The hash the head carries, `null` for one stored before hashes existed. */
  readonly stored: string | null;
  /** The head's hash as the chain gives it: its stored hash, or one computed for an event stored before hashes. */
  readonly chained: string;
}

/**
 * What the seal covers of an event: the chain of the content of every event,
 * whatever hash it carries (computed once when the carried hashes agree).
 */
const chainedOf = (head: Head | undefined, event: RecordedEvent, stored: string | null, computed: string): string => {
  if (head !== undefined && head.chained !== head.stored) return eventHash(event, head.chained);
  return stored === null ? eventHash(event, head?.chained ?? null) : computed;
};

/**
 * Every stream's hash chain, followed in the order the events were recorded:
 * each hash an event carries must be the hash of its content and of the hash
 * carried by the event before it in its stream (docs/tamper-evidence.md). A
 * change to an event, or an event removed, inserted or moved, breaks the chain
 * at the first event after it that carries a hash. Events stored before
 * hashes existed are counted as unsealed; the seal still covers them, by the
 * hashes computed for them.
 */
export class ChainCheck {
  private readonly heads = new Map<string, Head>();
  /** Streams whose chain broke, with the position of the first break and how many events after it do not chain either. */
  private readonly breaks = new Map<string, { readonly at: bigint; after: number }>();
  unsealed = 0;

  check(event: RecordedEvent): BookProblem | undefined {
    const head = this.heads.get(event.streamId);
    const stored = typeof event.metadata.hash === 'string' ? event.metadata.hash : null;
    const computed = eventHash(event, head?.stored ?? null);
    this.heads.set(event.streamId, { position: event.streamPosition, stored, chained: chainedOf(head, event, stored, computed) });
    const expected = head === undefined ? 0n : head.position + 1n;
    if (event.streamPosition !== expected) {
      return broken('CHAIN_POSITION', `stream position ${event.streamPosition} follows ${head === undefined ? 'nothing' : head.position}: the stream's positions are not consecutive`);
    }
    if (stored === null) {
      this.unsealed += 1;
      return undefined;
    }
    return stored === computed ? undefined : this.breakAt(event, stored, computed);
  }

  /** The first break of a stream is a finding; the events after it that cannot chain either are counted. */
  private breakAt(event: RecordedEvent, stored: string, computed: string): BookProblem | undefined {
    const broke = this.breaks.get(event.streamId);
    if (broke !== undefined) {
      broke.after += 1;
      return undefined;
    }
    this.breaks.set(event.streamId, { at: event.streamPosition, after: 0 });
    return broken(
      'CHAIN_BROKEN',
      `the recorded hash ${stored.slice(0, 19)}… is not the hash of this event after the one before it (${computed.slice(0, 19)}…): this event was changed, or one before it in the stream was removed, inserted or moved`,
    );
  }

  /** For each stream whose chain broke, how many events after the first break do not chain either. */
  brokenAfter(): readonly { readonly streamId: string; readonly at: bigint; readonly after: number }[] {
    return [...this.breaks].filter(([, b]) => b.after > 0).map(([streamId, b]) => ({ streamId, at: b.at, after: b.after }));
  }

  /** Every stream's head hash as the content of its events chains it, by stream id: what a seal covers. */
  headHashes(): ReadonlyMap<string, string> {
    return new Map([...this.heads].map(([streamId, head]) => [streamId, head.chained]));
  }
}
