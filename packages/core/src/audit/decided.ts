import type { Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../kernel/decider.js';
import type { DomainEvent, JsonObject } from '../kernel/event.js';
import type { OrganizationKind } from '../domain/organization/events.js';
import type { VillageRegister } from '../domain/organization/member-register.js';
import type { Chart } from '../domain/ledger/chart/index.js';
import { firstDifference } from './difference.js';
import { broken, refused, type BookProblem } from './problem.js';

/** What the rules of one stream read of the others, as the books stand at the event checked. */
export interface BooksFacts {
  readonly kindOf: (organizationId: string) => OrganizationKind | undefined;
  readonly chartOf: (villageId: string) => Chart;
  readonly membersOf: (villageId: string) => VillageRegister | undefined;
  /** The event's data in its stored form (the catalog's codec). */
  readonly encode: (event: DomainEvent) => JsonObject;
}

const described = (events: readonly DomainEvent[]): string => (events.length === 0 ? 'nothing' : events.map((e) => e.type).join(', '));

/**
 * Decide again the command a recorded event answers, with the facts as the
 * books stand, and compare: a refusal is the rule it breaks (its code), and
 * any difference between what was recorded and what the rules decide is
 * `NOT_AS_DECIDED`, naming the first field that differs.
 */
export interface Redecision<C, S> {
  readonly decide: (command: C, state: S) => Either<DomainError, readonly DomainEvent[]>;
  readonly command: C;
  readonly state: S;
  readonly recorded: DomainEvent;
}

export const asDecided = <C, S>({ decide, command, state, recorded }: Redecision<C, S>, facts: BooksFacts): BookProblem[] => {
  const decided = decide(command, state);
  if (decided._tag === 'Left') return [refused(decided.left)];
  const [event, ...more] = decided.right;
  if (event === undefined || more.length > 0 || event.type !== recorded.type) {
    return [broken('NOT_AS_DECIDED', `the rules decide ${described(decided.right)} here, not ${recorded.type}`)];
  }
  const difference = firstDifference(facts.encode(recorded), facts.encode(event), 'data');
  return difference === undefined ? [] : [broken('NOT_AS_DECIDED', difference)];
};
