import { isLeft } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../../codecs/reporter.js';
import type { EventDefinition } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';

/**
 * An event built by the decider from its wire form, through the event's own
 * codec: what the decider builds is exactly what a ledger file may hold. A
 * failure is a bug in the decider, not the user's input, so it throws.
 */
export const built = <Type extends string, Data>(definition: EventDefinition<Type, Data>, wire: Record<string, unknown>): DomainEvent<Type, Data> => {
  const result = definition.codec.decode(wire);
  if (isLeft(result)) throw new Error(`the debt register built an invalid ${definition.type}: ${formatValidationErrors(result.left, 'data').join('; ')}`);
  return { type: definition.type, data: result.right };
};
