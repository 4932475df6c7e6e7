import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import { foldState, type Decider, type DomainError } from '../kernel/decider.js';
import type { DomainEvent } from '../kernel/event.js';

/**
 * given(history).when(command).thenFails(code, message) / .thenTypes(types), as
 * @collective-ledger/testing's specFor (which core's own tests cannot import:
 * testing depends on core).
 */
export const specOf =
  <C, E extends DomainEvent, S, Err extends DomainError>(decider: Decider<C, E, S, Err>) =>
  (...history: readonly E[]) => ({
    when: (command: C) => {
      const result = decider.decide(command, foldState(decider, history));
      return {
        thenFails: (code: Err['code'], message: string) => {
          expect(isLeft(result) ? result.left : result.right).toEqual({ code, message });
        },
        thenTypes: (types: readonly string[]) => {
          expect(isRight(result) ? result.right.map((e) => e.type) : result.left).toEqual(types);
        },
      };
    },
  });
