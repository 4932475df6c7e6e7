import { expect } from './vitest-api.js';
import type { Decider, DomainError, DomainEvent } from '@collective-ledger/core';
import { deepFreeze, isWriteToFrozen } from './deep-freeze.js';

/** What a decision should have been: these events, this refusal, or nothing at all. */
export interface DecisionExpectations<Event extends DomainEvent, Refusal extends DomainError = DomainError> {
  /** The decider emits exactly these events (values compared through their JSON form, e.g. Money). */
  then(expected: readonly Event[]): void;
  /** The decider refuses with this code, and a message containing or matching `messageIncludes`. */
  thenFails(code: string, messageIncludes?: string | RegExp): void;
  /** The decider refuses with exactly this error: its code, its whole message and any other field it has. */
  thenRefuses(expected: Refusal): void;
  /** The decider accepts and emits no event (an idempotent repeat). */
  thenNothing(): void;
}

export interface GivenEvents<Command, Event extends DomainEvent, Refusal extends DomainError = DomainError> {
  when(command: Command): DecisionExpectations<Event, Refusal>;
}

/** `given(past events).when(command).then(new events)`. */
export type DeciderSpecification<Command, Event extends DomainEvent, Refusal extends DomainError = DomainError> = (
  given?: readonly Event[],
) => GivenEvents<Command, Event, Refusal>;

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const hasToJSON = (value: object): value is { toJSON(): unknown } =>
  typeof (value as { toJSON?: unknown }).toJSON === 'function';

/**
 * The value as it compares: objects with `toJSON` (Money, Decimal, Date) become
 * their JSON form, so equal amounts are equal whatever their internals, and a
 * diff shows `"12.50"` instead of a decimal's digit array. Arrays and plain
 * objects are walked; other objects (Map, asymmetric matchers) are kept as they are.
 */
export const comparable = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value !== 'object' || value === null) return value;
  if (hasToJSON(value)) {
    const json = value.toJSON();
    return json === value ? value : comparable(json);
  }
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, comparable(inner)]));
};

const show = (value: unknown): string =>
  JSON.stringify(comparable(value), (_, inner: unknown) => (typeof inner === 'bigint' ? `${inner}n` : inner));

const showEvents = (events: readonly DomainEvent[]): string =>
  events.length === 0 ? 'no events' : `${events.length} event(s) ${show(events)}`;

const showRefusal = (error: DomainError): string => `${error.code}: ${error.message}`;

/** A command's `type`, when it has one, for messages. */
const describeCommand = (command: unknown): string => {
  const type = typeof command === 'object' && command !== null ? (command as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : 'the command';
};

/** Run `step`; a write to a deep-frozen value becomes an error saying which step changed what it was given. */
const immutably = <T>(step: string, run: () => T): T => {
  try {
    return run();
  } catch (error) {
    if (!isWriteToFrozen(error)) throw error;
    throw new Error(
      `${step} changed a value it was given (${error.message}); specFor deep-freezes every state, event and command: return a new state instead of changing one`,
      { cause: error },
    );
  }
};

/**
 * The state after the given events, each state deep-frozen before it is
 * passed on: an `evolve` that changes the state it was given fails here.
 */
const foldFrozen = <Command, Event extends DomainEvent, State, Refusal extends DomainError>(
  decider: Decider<Command, Event, State, Refusal>,
  given: readonly Event[],
): State => {
  let state = deepFreeze(immutably('initialState', () => decider.initialState()));
  given.forEach((event, index) => {
    state = deepFreeze(immutably(`evolve (given event ${index + 1}, ${event.type})`, () => decider.evolve(state, event)));
  });
  return state;
};

/**
 * Given/when/then for a decider: fold the given events into state with
 * `evolve`, decide the command, and assert on the outcome with messages that
 * say what happened instead when the outcome is not the expected kind. Every
 * state passed to `evolve` and `decide`, the given events and the command are
 * deep-frozen (Maps and Sets included), so a decider that changes what it was
 * given fails its specification with a message naming the step.
 */
export const specFor =
  <Command, Event extends DomainEvent, State, Refusal extends DomainError>(
    decider: Decider<Command, Event, State, Refusal>,
  ): DeciderSpecification<Command, Event, Refusal> =>
  (given = []) => ({
    when: (command) => {
      // Decide lazily, so an exception thrown by the decider fails the assertion that ran it.
      const decide = () => {
        const state = foldFrozen(decider, deepFreeze(given));
        const frozen = deepFreeze(command);
        return immutably(`decide (${describeCommand(frozen)})`, () => decider.decide(frozen, state));
      };
      return {
        then(expected) {
          const result = decide();
          if (result._tag === 'Left') {
            expect.unreachable(`expected ${showEvents(expected)}, but the decider refused with ${showRefusal(result.left)}`);
          }
          expect(comparable(result.right)).toEqual(comparable(expected));
        },
        thenFails(code, messageIncludes) {
          const result = decide();
          if (result._tag === 'Right') {
            expect.unreachable(`expected a refusal ${code}, but the decider accepted with ${showEvents(result.right)}`);
          }
          const refusal = result.left;
          expect(refusal.code, `refusal code (the decider said: ${showRefusal(refusal)})`).toBe(code);
          if (typeof messageIncludes === 'string') expect(refusal.message).toContain(messageIncludes);
          if (messageIncludes instanceof RegExp) expect(refusal.message).toMatch(messageIncludes);
        },
        thenRefuses(expected) {
          const result = decide();
          if (result._tag === 'Right') {
            expect.unreachable(`expected the refusal ${showRefusal(expected)}, but the decider accepted with ${showEvents(result.right)}`);
          }
          expect(comparable(result.left)).toEqual(comparable(expected));
        },
        thenNothing() {
          const result = decide();
          if (result._tag === 'Left') {
            expect.unreachable(`expected no events, but the decider refused with ${showRefusal(result.left)}`);
          }
          expect(comparable(result.right), `expected no events, but got ${showEvents(result.right)}`).toEqual([]);
        },
      };
    },
  });
