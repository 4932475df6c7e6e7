import type { CommandContext } from '../../kernel/command-handler.js';
import type { FactReader } from '../../kernel/fact-reader.js';
import { sealText } from '../../personal-data/cipher.js';
import { householdKeyId, memberKeyId, type PersonalDataKeys } from '../../personal-data/keys.js';
import { openerFor } from '../../personal-data/reveal.js';
import { isSealed, type SealedField } from '../../personal-data/sealed-field.js';
import { organizationError, type OrganizationError } from './errors.js';
import type { OrganizationEvent } from './events.js';
import type { AdmitMemberInputValue } from './inputs.js';
import { loadOrganization } from './service.js';

/** A personal field given to a command whose context has no key store: refused, nothing is written. */
export const personalFieldRefused = (field: string, context: CommandContext): OrganizationError | undefined =>
  context.personalData !== undefined
    ? undefined
    : organizationError(
        'PERSONAL_DATA_NO_KEY_STORE',
        `${field}: personal data is recorded sealed with a key of its own, and this command was given no personal-data key store (context.personalData); give one, or leave ${field} out`,
      );

/** What the fingerprint holds instead of a personal field: that it was given, not what it was. */
export const PERSONAL_FIELD_GIVEN = 'personal field given';

const sealWith = async (keys: PersonalDataKeys, text: string, keyId: string): Promise<SealedField> => sealText(text, keyId, await keys.getOrCreate(keyId));

const sealedEvent = async (event: OrganizationEvent, keys: PersonalDataKeys): Promise<OrganizationEvent> => {
  if (event.type === 'MemberJoined' && (typeof event.data.idNumber === 'string' || typeof event.data.phone === 'string')) {
    const { organizationId, memberId, idNumber, phone } = event.data;
    const keyId = memberKeyId(organizationId, memberId);
    const sealed = { ...event.data };
    if (typeof idNumber === 'string') sealed.idNumber = await sealWith(keys, idNumber, keyId);
    if (typeof phone === 'string') sealed.phone = await sealWith(keys, phone, keyId);
    return { ...event, data: sealed };
  }
  if (event.type === 'HouseholdRegistered' && typeof event.data.address === 'string') {
    const { organizationId, householdId, address } = event.data;
    return { ...event, data: { ...event.data, address: await sealWith(keys, address, householdKeyId(organizationId, householdId)) } };
  }
  return event;
};

/** The decided events with their personal fields sealed, each under its member's or household's key (created on first use). */
export const sealPersonalFields = async (events: readonly OrganizationEvent[], context: CommandContext): Promise<readonly OrganizationEvent[]> => {
  const keys = context.personalData;
  if (keys === undefined) return events;
  const sealed: OrganizationEvent[] = [];
  for (const event of events) sealed.push(await sealedEvent(event, keys));
  return sealed;
};

/**
 * The current member whose sealed idNumber is the one given, opened with
 * the key store: one person is one member, whether the numbers are sealed
 * or not. A number whose key is gone belongs to nobody any more.
 */
export const idNumberHolderOf = async (input: AdmitMemberInputValue, reader: FactReader, keys: PersonalDataKeys | undefined): Promise<string | undefined> => {
  if (input.idNumber === undefined || keys === undefined) return undefined;
  const village = await loadOrganization(reader, input.organizationId);
  if (village.status !== 'registered') return undefined;
  const sealed: [string, SealedField][] = [];
  for (const [memberId, member] of village.members) {
    if (member.leftOn === undefined && member.erasedOn === undefined && isSealed(member.idNumber)) sealed.push([memberId, member.idNumber]);
  }
  const open = await openerFor(keys, sealed.map(([, value]) => value));
  return sealed.find(([memberId, value]) => open(value, `idNumber of member ${memberId}`) === input.idNumber)?.[0];
};
