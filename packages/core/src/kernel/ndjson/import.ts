import type { EventCatalog } from '../catalog.js';
import { ChainBrokenError, DuplicateEventError } from '../errors.js';
import type { DomainEvent } from '../event.js';
import { supportsBulkImport, type EventStore, type StreamWrite } from '../store.js';
import type { LedgerEntry } from './envelope.js';
import { ChainBrokenLedgerError, DuplicateLedgerEventError } from './errors.js';
import { readLedger } from './read.js';
import { validateLedger, type LedgerRules, type LedgerSummary } from './validate.js';

export interface ImportProgress {
  /** `validate`: the first pass, checking the file; `write`: the second, storing it. */
  readonly phase: 'validate' | 'write';
  /** Events checked (validate) or handed to the store (write) so far. */
  readonly events: number;
}

export interface ImportLedgerOptions {
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly signal?: AbortSignal;
  /** Problems listed when the file is invalid (default 20). */
  readonly maxErrors?: number;
  /**
   * The rules the ledger must keep besides each line's format, checked
   * against the books the store already holds (read once, in full) and then
   * line by line: `booksRules()` applies the bookkeeping rules. One broken
   * rule refuses the whole import, before anything is written.
   */
  readonly rules?: LedgerRules;
  /** Most events per stream write (default 1,000): long runs of one stream are split, not held whole. */
  readonly batchSize?: number;
}

export interface ImportLedgerResult extends LedgerSummary {
  /** True when the store imported everything in one all-or-nothing operation (`importAll`). */
  readonly atomic: boolean;
}

/** Consecutive events of one stream become one write; file order is kept. */
async function* streamWrites(
  entries: AsyncIterable<LedgerEntry>,
  batchSize: number,
  onBatch: (entries: readonly LedgerEntry[]) => void,
): AsyncIterable<StreamWrite> {
  let batch: LedgerEntry[] = [];
  const write = (): StreamWrite => {
    onBatch(batch);
    return { streamId: batch[0]?.streamId ?? '', events: batch.map((entry) => entry.event) };
  };
  for await (const entry of entries) {
    if (batch.length > 0 && (batch[0]?.streamId !== entry.streamId || batch.length >= batchSize)) {
      yield write();
      batch = [];
    }
    batch.push(entry);
  }
  if (batch.length > 0) yield write();
}

/** A store refusing an event id it already holds, or a carried hash it does not compute: say which line of the file holds it. */
const locateRefusal = (error: unknown, lineOf: ReadonlyMap<string, number>): unknown => {
  if (error instanceof ChainBrokenError) {
    const line = lineOf.get(error.eventId);
    return line === undefined ? error : new ChainBrokenLedgerError(error, line);
  }
  if (!(error instanceof DuplicateEventError)) return error;
  const id = error.eventIds.find((eventId) => lineOf.has(eventId));
  const line = id === undefined ? undefined : lineOf.get(id);
  return id === undefined || line === undefined ? error : new DuplicateLedgerEventError(error.eventIds, line);
};

/**
 * Import a ledger file into a store in two passes over `openChunks()`:
 *
 * 1. validate the whole file (`validateLedger`) and, when `rules` are given,
 *    check it by them after the store's own events; if anything is wrong,
 *    throw `LedgerFormatError` listing the problems and write nothing;
 * 2. read it again and store it. A store that `supportsBulkImport` gets one
 *    `importAll`, so the import is all or nothing (an event id already stored
 *    fails it with `DuplicateEventError`). Other stores get one append per run
 *    of a stream with expected revision `'any'`: such an import is NOT atomic,
 *    and a failure part way leaves the batches before it stored.
 *
 * If the file changes between the passes, the second pass fails before the bulk
 * import ends, so a bulk-importing store is still left as it was.
 */
export const importLedger = async <E extends DomainEvent>(
  store: EventStore,
  openChunks: () => AsyncIterable<string | Uint8Array>,
  catalog: EventCatalog<E>,
  options: ImportLedgerOptions = {},
): Promise<ImportLedgerResult> => {
  const { onProgress, signal, rules } = options;
  if (rules !== undefined) for await (const event of store.readAll()) rules.known(event);
  const summary = await validateLedger(openChunks(), catalog, {
    ...(rules === undefined ? {} : { rules }),
    ...(options.maxErrors === undefined ? {} : { maxErrors: options.maxErrors }),
    ...(signal === undefined ? {} : { signal }),
    onProgress: (events) => onProgress?.({ phase: 'validate', events }),
  });
  let written = 0;
  // Event ids of the batch the store is working on, to name the line of a duplicate.
  let lineOf = new Map<string, number>();
  const onBatch = (entries: readonly LedgerEntry[]): void => {
    signal?.throwIfAborted();
    lineOf = new Map(entries.map((entry) => [entry.event.metadata.eventId, entry.lineNumber]));
    written += entries.length;
    onProgress?.({ phase: 'write', events: written });
  };
  async function* checked(): AsyncIterable<StreamWrite> {
    yield* streamWrites(readLedger(openChunks(), catalog), options.batchSize ?? 1_000, onBatch);
    if (written !== summary.events) {
      throw new Error(`the ledger file changed while it was imported: ${summary.events} events validated, ${written} read`);
    }
  }
  try {
    if (supportsBulkImport(store)) {
      await store.importAll(checked());
      return { ...summary, atomic: true };
    }
    for await (const write of checked()) {
      await store.append(write.streamId, write.events, { expectedRevision: 'any' });
    }
    return { ...summary, atomic: false };
  } catch (error) {
    throw locateRefusal(error, lineOf);
  }
};
