import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { EventCatalog } from './catalog.js';
import type { Decider, DomainError } from './decider.js';
import { decodeRecordedEvent } from './decode.js';
import type { DomainEvent, NewEvent, RecordedEvent } from './event.js';
import { ConcurrencyError } from './errors.js';
import { FactReader } from './fact-reader.js';
import { maxRetriesOf, waitBeforeRetry, type RetryPolicy } from './retry.js';
import type { EventStore, ExpectedRevision } from './store.js';
import type { PersonalDataKeys } from '../personal-data/keys.js';

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
  /** The request's fingerprint (`commandDigest`): the same id with another digest is refused. */
  readonly digest?: string;
}

export interface CommandContext<E extends DomainEvent = DomainEvent> {
  readonly store: EventStore;
  readonly catalog: EventCatalog<E>;
  /** Event ids; defaults to `crypto.randomUUID`. */
  readonly newId?: () => string;
  /** Attempts after a concurrency conflict before giving up (default 5); shorthand for `retry.maxRetries`. */
  readonly maxRetries?: number;
  /** Retries after a concurrency conflict, with backoff and jitter. */
  readonly retry?: RetryPolicy;
  /**
   * The personal-data key store: commands seal members' personal fields with
   * it before they are appended (docs/personal-data.md). A command given a
   * personal field without it is refused.
   */
  readonly personalData?: PersonalDataKeys;
}

export interface CommandResult<E extends DomainEvent> {
  readonly events: readonly E[];
  /** The stream revision after the command, `undefined` when the stream is still empty. */
  readonly revision: bigint | undefined;
  /** True when this command id had been handled before and its first result is returned. */
  readonly alreadyHandled: boolean;
  /** Events read to decide (facts and the stream), in the last attempt: what the decision cost. */
  readonly eventsRead: number;
}

/** A command id that a different command used first. Nothing was written. */
export interface CommandIdReused extends DomainError {
  readonly code: 'COMMAND_ID_REUSED';
  /** The stream the first command with this id wrote to. */
  readonly streamId: string;
}

/** What one attempt decides on: the stream's decider and the command, built from facts read just now. */
export interface PreparedDecision<C, E extends DomainEvent, S, Err extends DomainError> {
  readonly decider: Decider<C, E, S, Err>;
  readonly command: C;
  /** What is appended instead of the decided events (personal fields sealed); the result returns it too. */
  readonly seal?: (events: readonly E[]) => Promise<readonly E[]>;
  /**
   * The command completed from the folded stream before it is decided, for
   * what only an effect can learn from the state (a sealed ID number opened
   * with the key store): the stream is folded once either way.
   */
  readonly complete?: (command: C, state: S) => Promise<C>;
}

type Envelope = Omit<CommandEnvelope<unknown>, 'command'>;

const reused = (commandId: string, streamId: string): CommandIdReused => ({
  code: 'COMMAND_ID_REUSED',
  streamId,
  message: `commandId: ${commandId} was already used for a different command (on stream ${streamId}); send this command with a new id`,
});

/** The first result of a command id, or the refusal when the id was used for other content. */
const earlierOutcome = <E extends DomainEvent>(
  context: CommandContext<E>,
  envelope: Envelope,
  streamId: string,
  earlier: readonly RecordedEvent[],
): Either<CommandIdReused, readonly E[]> | undefined => {
  const first = earlier[0];
  if (first === undefined) return undefined;
  const digest = first.metadata.commandDigest;
  const differs = digest !== undefined && envelope.digest !== undefined && digest !== envelope.digest;
  if (first.streamId !== streamId || differs) return left(reused(envelope.commandId, first.streamId));
  return right(earlier.map((recorded) => decodeRecordedEvent(context.catalog, recorded).event));
};

const toNewEvents = <E extends DomainEvent>(context: CommandContext<E>, envelope: Envelope, events: readonly E[]): NewEvent[] => {
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
      ...(envelope.digest === undefined ? {} : { commandDigest: envelope.digest }),
      schemaVersion: context.catalog.schemaVersionOf(event.type),
    },
  }));
};

interface Folded<S> {
  readonly state: S;
  readonly revision: bigint | undefined;
  readonly mine: RecordedEvent[];
}

const foldStream = async <C, E extends DomainEvent, S, Err extends DomainError>(
  { reader, catalog }: { readonly reader: FactReader<E>; readonly catalog: EventCatalog<E> },
  decider: Decider<C, E, S, Err>,
  streamId: string,
  commandId: string,
): Promise<Folded<S>> => {
  let state = decider.initialState();
  let revision: bigint | undefined;
  const mine: RecordedEvent[] = [];
  for await (const recorded of reader.recorded(streamId)) {
    state = decider.evolve(state, decodeRecordedEvent(catalog, recorded).event);
    revision = recorded.streamPosition;
    if (recorded.metadata.commandId === commandId) mine.push(recorded);
  }
  return { state, revision, mine };
};

type Outcome<E extends DomainEvent, Err> = Either<Err | CommandIdReused, CommandResult<E>>;

/** One attempt: the command id looked up, facts read, the stream folded, the decision appended. */
const attempt = async <C, E extends DomainEvent, S, Err extends DomainError>(
  context: CommandContext<E>,
  streamId: string,
  envelope: Envelope,
  prepare: (reader: FactReader<E>) => Promise<PreparedDecision<C, E, S, Err>>,
): Promise<Outcome<E, Err>> => {
  const reader = new FactReader(context.store, context.catalog);
  const done = (events: readonly E[], revision: bigint | undefined, alreadyHandled: boolean): Outcome<E, Err> =>
    right({ events, revision, alreadyHandled, eventsRead: reader.eventsRead });
  const before = earlierOutcome(context, envelope, streamId, await context.store.readCommand(envelope.commandId));
  if (before?._tag === 'Left') return before;
  const { decider, command: prepared, seal, complete } = await prepare(reader);
  const folded = await foldStream({ reader, catalog: context.catalog }, decider, streamId, envelope.commandId);
  if (before !== undefined) return done(before.right, folded.revision, true);
  const raced = earlierOutcome(context, envelope, streamId, folded.mine);
  if (raced?._tag === 'Left') return raced;
  if (raced !== undefined) return done(raced.right, folded.revision, true);
  const command = complete === undefined ? prepared : await complete(prepared, folded.state);
  const decision = decider.decide(command, folded.state);
  if (decision._tag === 'Left') return decision;
  if (decision.right.length === 0) return done([], folded.revision, false);
  const expectedRevision: ExpectedRevision = folded.revision ?? 'no_stream';
  const events = seal === undefined ? decision.right : await seal(decision.right);
  const result = await context.store.append(streamId, toNewEvents(context, envelope, events), { expectedRevision });
  return done(events, result.nextExpectedRevision, false);
};

/**
 * Decide and append, preparing the decision afresh on each attempt: the
 * command id is looked up first (the same id with the same content returns
 * the first result; with other content, or on another stream, it is refused
 * with `COMMAND_ID_REUSED`), then `prepare` reads the facts, the stream is
 * folded, and the decision appended with the revision read. A concurrency
 * conflict waits (backoff with jitter) and starts over, a bounded number of
 * times, then lets the error through.
 */
export const runDecision = async <C, E extends DomainEvent, S, Err extends DomainError>(
  context: CommandContext<E>,
  streamId: string,
  envelope: Envelope,
  prepare: (reader: FactReader<E>) => Promise<PreparedDecision<C, E, S, Err>>,
): Promise<Outcome<E, Err>> => {
  const policy = context.retry ?? {};
  const maxRetries = context.maxRetries ?? maxRetriesOf(policy);
  for (let n = 0; ; n += 1) {
    try {
      return await attempt(context, streamId, envelope, prepare);
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || n >= maxRetries) throw error;
      await waitBeforeRetry(policy, n);
    }
  }
};

/**
 * Read the stream, fold it, decide, and append with the expected revision:
 * `runDecision` for a decider and a command that need no facts.
 */
export const handleCommand = <C, E extends DomainEvent, S, Err extends DomainError>(
  context: CommandContext<E>,
  decider: Decider<C, E, S, Err>,
  streamId: string,
  envelope: CommandEnvelope<C>,
): Promise<Outcome<E, Err>> => {
  const { command, ...rest } = envelope;
  return runDecision(context, streamId, rest, () => Promise.resolve({ decider, command }));
};
