import * as t from 'io-ts';
import { left, right } from 'fp-ts/lib/Either.js';
import { EventCatalog, defineEvent } from '../kernel/catalog.js';
import type { Decider } from '../kernel/decider.js';

/**
 * A tiny decider used by the kernel's own tests: a tally per organization that
 * refuses to go above a limit. It knows no accounting on purpose.
 */
export const TalliedData = t.type({ organizationId: t.string, by: t.number, note: t.string });
export type TalliedData = t.TypeOf<typeof TalliedData>;
export interface Tallied {
  readonly type: 'Tallied';
  readonly data: TalliedData;
}

/** Version 1 had no note; the upcaster supplies one. */
export const tallied = defineEvent({
  type: 'Tallied',
  codec: TalliedData,
  schemaVersion: 2,
  upcasters: { 1: (data) => ({ ...data, note: '(none)' }) },
  organizationOf: (data) => data.organizationId,
});

export const tallyCatalog = new EventCatalog<Tallied>([tallied]);

export interface Tally {
  readonly type: 'Tally';
  readonly organizationId: string;
  readonly by: number;
}

export const tallyDecider: Decider<Tally, Tallied, { readonly total: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.by }),
  decide: (command, state) =>
    state.total + command.by > 10
      ? left({ code: 'TALLY_LIMIT', message: `by: total would be ${state.total + command.by}, above 10` })
      : right([{ type: 'Tallied', data: { organizationId: command.organizationId, by: command.by, note: 'tally' } }]),
};
