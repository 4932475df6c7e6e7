import { EventValidationError, type EventCatalog } from './catalog.js';
import type { DecodedEvent, DomainEvent, RecordedEvent } from './event.js';

/** Validate and upcast one recorded event; errors say which stream and position. */
export const decodeRecordedEvent = <E extends DomainEvent>(
  catalog: EventCatalog<E>,
  recorded: RecordedEvent,
): DecodedEvent<E> => {
  try {
    const event = catalog.decode(recorded.type, recorded.data, recorded.metadata.schemaVersion);
    return {
      streamId: recorded.streamId,
      streamPosition: recorded.streamPosition,
      globalPosition: recorded.globalPosition,
      event,
      metadata: recorded.metadata,
    };
  } catch (error) {
    if (!(error instanceof EventValidationError)) throw error;
    const where = `stream ${recorded.streamId} position ${recorded.streamPosition} (global ${recorded.globalPosition})`;
    throw new EventValidationError(error.eventType, error.problems.map((p) => `${where}: ${p}`));
  }
};
