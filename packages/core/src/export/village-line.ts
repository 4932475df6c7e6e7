import type { OrganizationRegistered } from '../domain/organization/events.js';
import { organizationStream } from '../domain/organization/events.js';
import type { EventCatalog } from '../kernel/catalog.js';
import { decodeRecordedEvent } from '../kernel/decode.js';
import type { EventStore } from '../kernel/store.js';
import { SelectionError } from './selection-error.js';

/** Districts, townships, villages: a village is never more than a few levels down. */
const MAX_DEPTH = 8;

/** The registration in an organization's stream (its first `OrganizationRegistered`), or `undefined`. */
const registrationOf = async (store: EventStore, catalog: EventCatalog, organizationId: string): Promise<OrganizationRegistered['data'] | undefined> => {
  for await (const recorded of store.readStream(organizationStream(organizationId))) {
    if (recorded.type !== 'OrganizationRegistered') continue;
    return (decodeRecordedEvent(catalog, recorded).event as OrganizationRegistered).data;
  }
  return undefined;
};

/**
 * The organizations above a village (its township, its district), nearest
 * first, read from their own streams: a handful of stream reads, not a scan.
 * Refuses an id that is not a registered village.
 */
export const ancestorsOfVillage = async (store: EventStore, catalog: EventCatalog, villageId: string): Promise<string[]> => {
  const village = await registrationOf(store, catalog, villageId);
  if (village === undefined) throw new SelectionError(`--village: no village ${villageId} is registered`);
  if (village.kind !== 'village') throw new SelectionError(`--village: ${villageId} is a ${village.kind}, not a village`);
  const ancestors: string[] = [];
  for (let parent = village.parentId; parent !== undefined && ancestors.length < MAX_DEPTH && !ancestors.includes(parent); ) {
    ancestors.push(parent);
    parent = (await registrationOf(store, catalog, parent))?.parentId;
  }
  return ancestors;
};
