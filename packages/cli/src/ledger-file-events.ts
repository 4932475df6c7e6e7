import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { readLedger, type EventCatalog, type EventMetadata, type RecordedEvent } from '@collective-ledger/core';
import { LedgerNotFoundError } from './file-store.js';

const BATCH = 1_000;

/**
 * A ledger file's events as a file store would give them, read line by line
 * without opening it as a store (opening refuses a file whose chain is
 * broken; an auditor wants every finding): stream positions counted in file
 * order, the global position the line number.
 */
export async function* ledgerFileEvents(path: string, catalog: EventCatalog): AsyncIterable<readonly RecordedEvent[]> {
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new LedgerNotFoundError(path);
  }
  const positions = new Map<string, bigint>();
  let batch: RecordedEvent[] = [];
  for await (const entry of readLedger(createReadStream(path), catalog)) {
    const streamPosition = positions.get(entry.streamId) ?? 0n;
    positions.set(entry.streamId, streamPosition + 1n);
    const { type, data, metadata } = entry.event;
    // A line of a ledger file always carries recordedAt (docs/ledger-format.md): only an import may leave it out.
    batch.push({ streamId: entry.streamId, streamPosition, globalPosition: BigInt(entry.lineNumber), type, data, metadata: metadata as EventMetadata });
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
