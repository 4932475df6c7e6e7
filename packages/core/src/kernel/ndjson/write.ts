import type { JsonObject, NewEventMetadata, RecordedEvent } from '../event.js';
import { LEDGER_METADATA_KEYS } from './envelope.js';

/** What one ledger line holds: a recorded event, or a new one with its stream. */
export interface LedgerLineEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: NewEventMetadata;
}

/** Metadata keys in the documented order; absent ones are left out. */
const orderedMetadata = (metadata: NewEventMetadata): Record<string, string | number> => {
  const source: Partial<Record<string, string | number>> = metadata;
  const ordered: Record<string, string | number> = {};
  for (const key of LEDGER_METADATA_KEYS) {
    const value = source[key];
    if (value !== undefined) ordered[key] = value;
  }
  return ordered;
};

/**
 * One event as a ledger line, ending with `\n`: keys `streamId, type, data,
 * metadata` in that order, metadata keys in their documented order. `data` is
 * written as stored (its key order kept), so export after import is byte-identical.
 */
export const ledgerLine = (event: LedgerLineEvent): string =>
  `${JSON.stringify({
    streamId: event.streamId,
    type: event.type,
    data: event.data,
    metadata: orderedMetadata(event.metadata),
  })}\n`;

/** A store's events (`readAll`) as ledger lines, one string per line. */
export async function* writeLedger(events: AsyncIterable<RecordedEvent>): AsyncIterable<string> {
  for await (const event of events) yield ledgerLine(event);
}
