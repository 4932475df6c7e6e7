import type { CommandContext } from '../../kernel/command-handler.js';
import { foldState } from '../../kernel/decider.js';
import type { DomainEvent } from '../../kernel/event.js';
import { decodeRecordedEvent } from '../../kernel/decode.js';
import { organizationDecider } from '../organization/decider.js';
import { organizationStream, type OrganizationEvent } from '../organization/events.js';
import { memberRegister, type VillageRegister } from '../organization/member-register.js';
import type { OrganizationKind } from '../organization/events.js';
import { isShareRegisterEvent, sharesStream } from './events.js';
import { evolveShareRegister, initialShareRegister, type ShareRegisterState } from './share-register.js';

export interface LoadedVillage {
  readonly organizationKind: OrganizationKind | undefined;
  readonly members: VillageRegister | undefined;
}

/** The organization's kind and, for a village, its member register: one read of its stream. */
export const loadVillage = async (context: CommandContext<DomainEvent>, organizationId: string): Promise<LoadedVillage> => {
  const events: OrganizationEvent[] = [];
  let register = memberRegister.init();
  for await (const recorded of context.store.readStream(organizationStream(organizationId))) {
    const decoded = decodeRecordedEvent(context.catalog, recorded);
    events.push(decoded.event as OrganizationEvent);
    register = memberRegister.apply(register, decoded);
  }
  const state = foldState(organizationDecider, events);
  return {
    organizationKind: state.status === 'registered' ? state.organization.kind : undefined,
    members: register.get(organizationId),
  };
};

/** The village's share register as it stands. */
export const loadShareRegister = async (context: CommandContext<DomainEvent>, organizationId: string): Promise<ShareRegisterState> => {
  let state = initialShareRegister();
  for await (const recorded of context.store.readStream(sharesStream(organizationId))) {
    const { event } = decodeRecordedEvent(context.catalog, recorded);
    if (isShareRegisterEvent(event)) state = evolveShareRegister(state, event);
  }
  return state;
};
