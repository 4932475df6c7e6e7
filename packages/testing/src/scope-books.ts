import type { EventStore, NewEvent } from '@collective-ledger/core';
import { newEvent } from './fixtures.js';

/** An organization's registration, as the domain records it in `organization-<id>`. */
export const registrationOf = (organizationId: string, kind: 'district' | 'township' | 'village', parentId?: string): NewEvent =>
  newEvent('OrganizationRegistered', { organizationId, kind, code: `code-${organizationId}`, name: organizationId, ...(parentId === undefined ? {} : { parentId }) });

/** An event of `organizationId`'s books (its data names the organization, as every domain event's does). */
export const bookEvent = (organizationId: string, commandId?: string): NewEvent =>
  newEvent('VoucherPosted', { organizationId }, commandId === undefined ? {} : { commandId });

/** Township t1 with villages v1 and v2, township t2 with village w, in district d. */
export const SCOPE_TOWNSHIPS = { t1: ['v1', 'v2'], t2: ['w'] } as const;

/**
 * Write the district's registrations into `store`, and for each village a
 * ledger year 2023 with one event of command `cmd-<village>`. Returns the
 * stream ids written, in order.
 */
export const writeScopeBooks = async (store: EventStore): Promise<string[]> => {
  const streams: string[] = [];
  const write = async (streamId: string, event: NewEvent): Promise<void> => {
    await store.append(streamId, [event]);
    streams.push(streamId);
  };
  await write('organization-d', registrationOf('d', 'district'));
  for (const [township, villages] of Object.entries(SCOPE_TOWNSHIPS)) {
    await write(`organization-${township}`, registrationOf(township, 'township', 'd'));
    for (const village of villages) {
      await write(`organization-${village}`, registrationOf(village, 'village', township));
      await write(`ledger-${village}-2023`, bookEvent(village, `cmd-${village}`));
    }
  }
  return streams;
};
