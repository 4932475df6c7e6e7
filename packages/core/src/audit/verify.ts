import { coreCatalog } from '../catalog.js';
import type { EventCatalog } from '../kernel/catalog.js';
import { readAllInBatches, type EventStore } from '../kernel/store.js';
import { BooksCheck, type Finding } from './books-check.js';

export interface VerifyOptions {
  readonly catalog?: EventCatalog;
  /** Called after each batch with the events checked so far. */
  readonly onProgress?: (events: number) => void;
  readonly signal?: AbortSignal;
}

/** What `verifyStore` found: every finding in the order found, and how much it read. */
export interface Verification {
  readonly events: number;
  readonly streams: number;
  readonly findings: readonly Finding[];
  /** Findings that break a rule (the others are warnings). */
  readonly errors: number;
  readonly warnings: number;
}

/**
 * Check a whole store by the rules of the books (`BooksCheck`), every event in
 * the order the store recorded them: what an import would have refused, and
 * what only the whole shows (gaps in voucher numbers, as warnings). Each
 * finding names the stream, the stream position, the event, the rule and the
 * values.
 */
export const verifyStore = async (store: EventStore, options: VerifyOptions = {}): Promise<Verification> => {
  const check = new BooksCheck(options.catalog ?? coreCatalog);
  const findings: Finding[] = [];
  const streams = new Set<string>();
  let events = 0;
  for await (const batch of readAllInBatches(store)) {
    options.signal?.throwIfAborted();
    for (const event of batch) {
      streams.add(event.streamId);
      findings.push(...check.check(event, { streamId: event.streamId, streamPosition: event.streamPosition }));
    }
    events += batch.length;
    options.onProgress?.(events);
  }
  findings.push(...check.finish());
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { events, streams: streams.size, findings, errors, warnings: findings.length - errors };
};
