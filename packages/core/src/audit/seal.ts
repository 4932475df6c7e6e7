import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../kernel/event.js';
import { readAllInBatches, type EventStore } from '../kernel/store.js';
import { ChainCheck } from './chain-check.js';

/** A seal: one digest over every stream head of the first `events` events a store recorded. */
export interface Seal {
  readonly events: number;
  readonly streams: number;
  /** Events stored before hashes existed: covered by the hashes computed for them, without evidence of their own. */
  readonly unsealed: number;
  /** `sha256:` and the Merkle root of the sorted stream heads. */
  readonly root: string;
  /** What `verify --seal` takes: `<events>:<root>`. */
  readonly token: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The Merkle root over stream heads (docs/tamper-evidence.md): each leaf the
 * SHA-256 of `<streamId>\n<head hash>`, leaves in stream id order (UTF-16 code
 * units); each level pairs neighbours, a node being the SHA-256 of the two
 * lowercase hex digests one after the other, an odd last one going up as it
 * is; the root of no stream is the SHA-256 of nothing.
 */
export const merkleRoot = (heads: ReadonlyMap<string, string>): string => {
  let level = [...heads].sort(([a], [b]) => compare(a, b)).map(([streamId, hash]) => sha256(`${streamId}\n${hash}`));
  if (level.length === 0) return `sha256:${sha256('')}`;
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? sha256(`${level[i] ?? ''}${level[i + 1] ?? ''}`) : (level[i] ?? ''));
    level = next;
  }
  return `sha256:${level[0] ?? ''}`;
};

export const sealOfHeads = (heads: ReadonlyMap<string, string>, events: number, unsealed: number): Seal => {
  const root = merkleRoot(heads);
  return { events, streams: heads.size, unsealed, root, token: `${events}:${root}` };
};

const TOKEN = /^(\d+):(sha256:[0-9a-f]{64})$/;

/** A seal token read back: how many events it covers and its root; `undefined` when it is not one. */
export const parseSeal = (token: string): { readonly events: number; readonly root: string } | undefined => {
  const match = TOKEN.exec(token);
  if (match === null) return undefined;
  const events = Number(match[1]);
  return Number.isSafeInteger(events) ? { events, root: match[2] ?? '' } : undefined;
};

/**
 * Seal a store's books as they stand: the stream heads after every event it
 * holds, in one digest to publish or sign at a year-end (村务公开). A later
 * `verify --seal` proves the books up to the seal unchanged.
 */
export const sealStore = (store: EventStore): Promise<Seal> => sealBatches(readAllInBatches(store));

/** `sealStore` over events given in batches in the order they were recorded (a ledger file read line by line, say). */
export const sealBatches = async (batches: AsyncIterable<readonly RecordedEvent[]>): Promise<Seal> => {
  const chain = new ChainCheck();
  let events = 0;
  for await (const batch of batches) {
    for (const event of batch) chain.check(event);
    events += batch.length;
  }
  return sealOfHeads(chain.headHashes(), events, chain.unsealed);
};
