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
/** Follows a seal given while the events go by: the root of the heads once as many events as it covers were read. */
class SealCheck {
  private root: string | undefined;

  constructor(private readonly given: VerifyOptions['seal']) {
    this.root = given?.events === 0 ? merkleRoot(new Map()) : undefined;
  }

  after(events: number, chain: ChainCheck): void {
    if (this.given !== undefined && events === this.given.events) this.root = merkleRoot(chain.headHashes());
  }

  outcome(events: number): { readonly sealed?: NonNullable<Verification['sealed']>; readonly finding?: Finding } {
    const given = this.given;
    if (given === undefined) return {};
    const sealed = { ...given, unchanged: this.root === given.root, since: Math.max(0, events - given.events) };
    return sealed.unchanged ? { sealed } : { sealed, finding: sealFinding(given, this.root, events) };
  }
}

const chainBreaks = (chain: ChainCheck): Finding[] =>
  chain.brokenAfter().map((b) => ({ streamId: b.streamId, ...broken('CHAIN_BROKEN', `${b.after} event${b.after === 1 ? '' : 's'} after the break at position ${b.at} do not chain either`) }));

/** `verifyStore` over events given in batches in the order they were recorded (a ledger file read line by line, say). */
export const verifyEvents = async (batches: AsyncIterable<readonly RecordedEvent[]>, options: VerifyOptions = {}): Promise<Verification> => {
  const books = new BooksCheck(options.catalog ?? coreCatalog);
  const chain = new ChainCheck();
  const seal = new SealCheck(options.seal);
  const findings: Finding[] = [];
  let events = 0;
  for await (const batch of batches) {
    options.signal?.throwIfAborted();
    for (const event of batch) {
      const place = { streamId: event.streamId, streamPosition: event.streamPosition, globalPosition: event.globalPosition };
      const link = chain.check(event);
      if (link !== undefined) findings.push({ ...place, eventId: event.metadata.eventId, type: event.type, ...link });
      findings.push(...books.check(event, place));
      events += 1;
      seal.after(events, chain);
    }
    options.onProgress?.(events);
  }
  findings.push(...chainBreaks(chain), ...books.finish());
  const { sealed, finding } = seal.outcome(events);
  if (finding !== undefined) findings.push(finding);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const current = sealOfHeads(chain.headHashes(), events, chain.unsealed);
  return { events, streams: current.streams, findings, errors, warnings: findings.length - errors, seal: current, ...(sealed === undefined ? {} : { sealed }) };
};
