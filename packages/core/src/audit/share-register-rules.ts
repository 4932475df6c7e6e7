import type { ShareRegisterCommand } from '../domain/shares/commands.js';
import type { ShareRegisterEvent } from '../domain/shares/events.js';
import { shareRegisterDecider } from '../domain/shares/register-decider.js';
import type { ShareRegisterState } from '../domain/shares/share-register.js';
import type { DomainEvent } from '../kernel/event.js';
import { asDecided, type BooksFacts } from './decided.js';
import { broken, type BookProblem } from './problem.js';

const COMMAND_OF: Readonly<Record<ShareRegisterEvent['type'], ShareRegisterCommand['type']>> = {
  ShareCharterAdopted: 'AdoptCharter',
  SharesQuantified: 'QuantifyShares',
  SharesTransferred: 'TransferShares',
  SharesInherited: 'InheritShares',
  SharesWithdrawn: 'WithdrawShares',
};

const isShareRegisterEvent = (event: DomainEvent): event is ShareRegisterEvent => Object.hasOwn(COMMAND_OF, event.type);

/**
 * `shares-<village>`: each change of the share register must be what the
 * command would decide on the register as it stands, against the village's
 * members on its date (shares of a member who never joined, holdings below
 * zero, changes out of date order are all refused). What a change records
 * that the register computes (the shares inherited or withdrawn) must be what
 * it computes.
 */
export const shareRegisterRules = {
  initial: shareRegisterDecider.initialState,
  evolve: (state: ShareRegisterState, event: DomainEvent): ShareRegisterState =>
    isShareRegisterEvent(event) ? shareRegisterDecider.evolve(state, event) : state,
  check: (state: ShareRegisterState, event: DomainEvent, facts: BooksFacts): BookProblem[] => {
    if (!isShareRegisterEvent(event)) return [broken('STREAM_EVENT_TYPE', `a ${event.type} does not belong on a share register stream`)];
    const { organizationId } = event.data;
    // The event's data carries every field of its command's input (and what the register computes, which deciding again recomputes).
    const command = {
      type: COMMAND_OF[event.type],
      input: event.data,
      organizationKind: facts.kindOf(organizationId),
      members: facts.membersOf(organizationId),
    } as ShareRegisterCommand;
    return asDecided({ decide: shareRegisterDecider.decide, command, state, recorded: event }, facts);
  },
};
