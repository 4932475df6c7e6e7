import type { JsonObject, NewEvent } from '../kernel/event.js';
import { InMemoryEventStore } from '../kernel/memory-store.js';

/** An event of `type` whose data is `data`, with fresh ids. */
export const eventOf = (type: string, data: JsonObject, commandId?: string): NewEvent => ({
  type,
  data,
  metadata: { eventId: globalThis.crypto.randomUUID(), occurredOn: '2023-01-05', actor: 'clerk', schemaVersion: 1, ...(commandId === undefined ? {} : { commandId }) },
});

export const registration = (organizationId: string, kind: string, parentId?: string): NewEvent =>
  eventOf('OrganizationRegistered', { organizationId, kind, code: `c-${organizationId}`, name: organizationId, ...(parentId === undefined ? {} : { parentId }) });

export const voucher = (organizationId: string, commandId?: string): NewEvent => eventOf('VoucherPosted', { organizationId, voucherNo: globalThis.crypto.randomUUID() }, commandId);

/**
 * District d; township t1 with villages v1 and v2; township t2 with village w.
 * Each village has a ledger year 2023 with one voucher.
 */
export const districtBooks = async (): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  await store.append('organization-d', [registration('d', 'district')]);
  for (const [township, villages] of [['t1', ['v1', 'v2']], ['t2', ['w']]] as const) {
    await store.append(`organization-${township}`, [registration(township, 'township', 'd')]);
    for (const village of villages) {
      await store.append(`organization-${village}`, [registration(village, 'village', township)]);
      await store.append(`ledger-${village}-2023`, [voucher(village, `cmd-${village}`)]);
    }
  }
  return store;
};
