import type { DecodedEvent } from '../../kernel/event.js';
import type { FactReader } from '../../kernel/fact-reader.js';
import { foldEvents } from '../../kernel/projection.js';
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
export const loadVillage = async (reader: FactReader, organizationId: string): Promise<LoadedVillage> => {
  let state = organizationDecider.initialState();
  const events: DecodedEvent[] = [];
  for await (const decoded of reader.events(organizationStream(organizationId))) {
    state = organizationDecider.evolve(state, decoded.event as OrganizationEvent);
    events.push(decoded);
  }
  const register = foldEvents(memberRegister, memberRegister.init(), events);
  return {
    organizationKind: state.status === 'registered' ? state.organization.kind : undefined,
    members: register.get(organizationId),
  };
};

/** The village's share register as it stands. */
export const loadShareRegister = (reader: FactReader, organizationId: string): Promise<ShareRegisterState> =>
  reader.fold(sharesStream(organizationId), initialShareRegister(), (state, event) =>
    isShareRegisterEvent(event) ? evolveShareRegister(state, event) : state,
  );
