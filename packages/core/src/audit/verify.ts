import { coreCatalog } from '../catalog.js';
import type { EventCatalog } from '../kernel/catalog.js';
import type { RecordedEvent } from '../kernel/event.js';
import { readAllInBatches, type EventStore } from '../kernel/store.js';
import { BooksCheck, type Finding } from './books-check.js';
import { ChainCheck } from './chain-check.js';
import { broken } from './problem.js';
import { merkleRoot, sealOfHeads, type Seal } from './seal.js';

export interface VerifyOptions {
  readonly catalog?: EventCatalog;
  /** A seal taken earlier (`parseSeal` of its token): the books up to it must be unchanged. */
  readonly seal?: { readonly events: number; readonly root: string };
  /** Called after each batch with the events checked so far. */
  readonly onProgress?: (events: number) => void;
  readonly signal?: AbortSignal;
}

/** What `verifyStore` found: every finding in the order found, how much it read, and the seal of the books as they stand. */
export interface Verification {
  readonly events: number;
  readonly streams: number;
  readonly findings: readonly Finding[];
  /** Findings that break a rule (the others are warnings). */
  readonly errors: number;
  readonly warnings: number;
  /** The seal of the store as it stands (its `unsealed` counts events stored before hashes existed). */
  readonly seal: Seal;
  /** The seal given, checked: whether the books up to it are unchanged, and how many events came after it. */
  readonly sealed?: { readonly events: number; readonly root: string; readonly unchanged: boolean; readonly since: number };
}

const sealFinding = (given: { readonly events: number; readonly root: string }, found: string | undefined, events: number): Finding => {
  const what =
    found === undefined
      ? `the seal covers ${given.events} events and the store holds ${events}: events were removed`
      : `the books up to the seal's ${given.events} events give ${found}, not ${given.root}: they were changed since it was taken`;
  return { streamId: '(all)', ...broken('SEAL_MISMATCH', what) };
};

/**
 * Check a whole store, every event in the order the store recorded them: the
 * hash chain of every stream (a changed, removed, inserted or moved event),
 * the rules of the books (`BooksCheck`: what an import would have refused,
 * and what only the whole shows, such as gaps in voucher numbers, as
 * warnings), and, given a seal, that the books up to it are unchanged and
 * have only grown. Each finding names the stream, the stream position, the
 * global position (in a file store, the line), the event, the rule and the
 * values.
 */
export const verifyStore = async (store: EventStore, options: VerifyOptions = {}): Promise<Verification> => verifyEvents(readAllInBatches(store), options);

/** `verifyStore` over events given in batches in the order they were recorded (a ledger file read line by line, say). */
export const verifyEvents = async (batches: AsyncIterable<readonly RecordedEvent[]>, options: VerifyOptions = {}): Promise<Verification> => {
  const books = new BooksCheck(options.catalog ?? coreCatalog);
  const chain = new ChainCheck();
  const findings: Finding[] = [];
  let events = 0;
  let sealedRoot = options.seal?.events === 0 ? merkleRoot(new Map()) : undefined;
  for await (const batch of batches) {
    options.signal?.throwIfAborted();
    for (const event of batch) {
      const place = { streamId: event.streamId, streamPosition: event.streamPosition, globalPosition: event.globalPosition };
      const link = chain.check(event);
      if (link !== undefined) findings.push({ ...place, eventId: event.metadata.eventId, type: event.type, ...link });
      findings.push(...books.check(event, place));
      events += 1;
      if (options.seal !== undefined && events === options.seal.events) sealedRoot = merkleRoot(chain.headHashes());
    }
    options.onProgress?.(events);
  }
  for (const b of chain.brokenAfter()) {
    findings.push({ streamId: b.streamId, ...broken('CHAIN_BROKEN', `${b.after} event${b.after === 1 ? '' : 's'} after the break at position ${b.at} do not chain either`) });
  }
  findings.push(...books.finish());
  const given = options.seal;
  const sealed = given === undefined ? undefined : { ...given, unchanged: sealedRoot === given.root, since: Math.max(0, events - given.events) };
  if (given !== undefined && sealedRoot !== given.root) findings.push(sealFinding(given, sealedRoot, events));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const seal = sealOfHeads(chain.headHashes(), events, chain.unsealed);
  return { events, streams: seal.streams, findings, errors, warnings: findings.length - errors, seal, ...(sealed === undefined ? {} : { sealed }) };
};
