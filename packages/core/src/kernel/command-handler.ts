import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { EventCatalog } from './catalog.js';
import type { Decider, DomainError } from './decider.js';
import type { DomainEvent, NewEvent } from './event.js';
import { decodeRecordedEvent } from './decode.js';
import { ConcurrencyError } from './errors.js';
import type { EventStore, ExpectedRevision } from './store.js';

/** Who asks, when (the business date), and the ids that tie events to the request. */
export interface CommandEnvelope<Command> {
  readonly command: Command;
  /** Unique per request: the same id twice appends once (idempotency). */
  readonly commandId: string;
  /** Business date (`YYYY-MM-DD`) stamped on the events as `occurredOn`. */
  readonly occurredOn: string;
  readonly actor: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

export interface CommandContext<E extends DomainEvent> {
  readonly store: EventStore;
  readonly catalog: EventCatalog<E>;
  /** Event ids; defaults to `crypto.randomUUID`. */
  readonly newId?: () => string;
  /** Attempts after a concurrency conflict before giving up (default 5). */
  readonly maxRetries?: number;
}

export interface CommandResult<E extends DomainEvent> {
  readonly events: readonly E[];
  /** The stream revision after the command, `undefined` when the stream is still empty. */
  readonly revision: bigint | undefined;
  /** True when this command id had been handled before and its first result is returned. */
  readonly alreadyHandled: boolean;
}

interface Loaded<State, E extends DomainEvent> {
  readonly state: State;
  readonly revision: bigint | undefined;
  readonly previous: E[];
}

const load = async <C, E extends DomainEvent, S, Err extends DomainError>(
  context: CommandContext<E>,
  decider: Decider<C, E, S, Err>,
  streamId: string,
  commandId: string,
): Promise<Loaded<S, E>> => {
  let state = decider.initialState();
  let revision: bigint | undefined;
  const previous: E[] = [];
  for await (const recorded of context.store.readStream(streamId)) {
    const event = decodeRecordedEvent(context.catalog, recorded).event;
    state = decider.evolve(state, event);
    revision = recorded.streamPosition;
    if (recorded.metadata.commandId === commandId) previous.push(event);
  }
  return { state, revision, previous };
};

const toNewEvents = <C, E extends DomainEvent>(
  context: CommandContext<E>,
  envelope: CommandEnvelope<C>,
  events: readonly E[],
): NewEvent[] => {
  const newId = context.newId ?? (() => globalThis.crypto.randomUUID());
  return events.map((event) => ({
    type: event.type,
    data: context.catalog.encode(event),
    metadata: {
      eventId: newId(),
      occurredOn: envelope.occurredOn,
      actor: envelope.actor,
      commandId: envelope.commandId,
      correlationId: envelope.correlationId ?? envelope.commandId,
      causationId: envelope.causationId ?? envelope.commandId,
      schemaVersion: context.catalog.schemaVersionOf(event.type),
    },
  }));
};

/**
 * Read the stream, fold it, decide, and append with the expected revision.
 * A concurrency conflict re-reads and decides again, a bounded number of times.
 * A command id already present in the stream returns the events it produced then.
 */
export const handleCommand = async <C, E extends DomainEvent, S, Err extends DomainError>(
  context: CommandContext<E>,
  decider: Decider<C, E, S, Err>,
  streamId: string,
  envelope: CommandEnvelope<C>,
): Promise<Either<Err, CommandResult<E>>> => {
  const maxRetries = context.maxRetries ?? 5;
  for (let attempt = 0; ; attempt += 1) {
    const loaded = await load(context, decider, streamId, envelope.commandId);
    if (loaded.previous.length > 0) {
      return right({ events: loaded.previous, revision: loaded.revision, alreadyHandled: true });
    }
    const decision = decider.decide(envelope.command, loaded.state);
    if (isLeft(decision)) return left(decision.left);
    if (decision.right.length === 0) return right({ events: [], revision: loaded.revision, alreadyHandled: false });
    const expectedRevision: ExpectedRevision = loaded.revision ?? 'no_stream';
    try {
      const result = await context.store.append(streamId, toNewEvents(context, envelope, decision.right), {
        expectedRevision,
      });
      return right({ events: decision.right, revision: result.nextExpectedRevision, alreadyHandled: false });
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= maxRetries) throw error;
    }
  }
};
