import type { Either } from 'fp-ts/lib/Either.js';
import type { DomainEvent } from './event.js';

/** A refusal a user can act on: a stable code and a sentence saying what was wrong. */
export interface DomainError {
  readonly code: string;
  readonly message: string;
}

/**
 * A decider is three small pure functions (docs/architecture.md):
 * `decide` turns a command and the current state into new events or a refusal,
 * `evolve` folds one event into the state, `initialState` starts the fold.
 * Clock, ids and configuration come in with the command, never from globals.
 */
export interface Decider<Command, Event extends DomainEvent, State, Error extends DomainError = DomainError> {
  readonly decide: (command: Command, state: State) => Either<Error, readonly Event[]>;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

/** Fold events into a decider's state. */
export const foldState = <Command, Event extends DomainEvent, State, Error extends DomainError>(
  decider: Decider<Command, Event, State, Error>,
  events: Iterable<Event>,
): State => {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
