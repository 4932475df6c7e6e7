import type { CommandContext } from '../../kernel/command-handler.js';
import { openSealed, sealText } from '../../personal-data/cipher.js';
import { householdKeyId, memberKeyId, type PersonalDataKeys } from '../../personal-data/keys.js';
import { isSealed, type SealedField } from '../../personal-data/sealed-field.js';
import { organizationError, type OrganizationError } from './errors.js';
import type { OrganizationEvent } from './events.js';
import type { MemberJoinedData } from './member-events.js';
import type { OrganizationState, RegisteredOrganization } from './state.js';

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
 * The ID numbers already opened for the uniqueness check, per key store, by
 * sealed value: an admission compares the new number with every current
 * member's, and opening each of them again for every admission would make
 * a village's admissions quadratic in decryptions. A number is used only
 * while its key is still in the key store (checked on every admission), so a
 * destroyed key still frees its number; the cache lives as long as the key
 * store object, in this process's memory only.
 */
const openedNumbers = new WeakMap<PersonalDataKeys, Map<string, string>>();

const cacheKey = (value: SealedField): string => `${value.key}\n${value.iv}\n${value.data}\n${value.tag}`;

/** The opened numbers of a key store, made on first use. */
const openedOf = (keys: PersonalDataKeys): Map<string, string> => {
  const found = openedNumbers.get(keys);
  if (found !== undefined) return found;
  const made = new Map<string, string>();
  openedNumbers.set(keys, made);
  return made;
};

/** The sealed ID numbers of the village's current members (not left, not forgotten). */
const currentSealedNumbers = (village: RegisteredOrganization): [string, SealedField][] => {
  const sealed: [string, SealedField][] = [];
  for (const [memberId, member] of village.members) {
    if (member.leftOn === undefined && member.erasedOn === undefined && isSealed(member.idNumber)) sealed.push([memberId, member.idNumber]);
  }
  return sealed;
};

/**
 * The current member whose sealed idNumber is the one given, opened with
 * the key store: one person is one member, whether the numbers are sealed
 * or not. A number whose key is gone belongs to nobody any more.
 */
export const idNumberHolderOf = async (input: MemberJoinedData, village: OrganizationState, keys: PersonalDataKeys | undefined): Promise<string | undefined> => {
  if (typeof input.idNumber !== 'string' || keys === undefined || village.status !== 'registered') return undefined;
  const sealed = currentSealedNumbers(village);
  const secrets = await keys.readMany([...new Set(sealed.map(([, value]) => value.key))]);
  const opened = openedOf(keys);
  for (const [memberId, value] of sealed) {
    const secret = secrets.get(value.key);
    if (secret === undefined) continue;
    const at = cacheKey(value);
    let text = opened.get(at);
    if (text === undefined) opened.set(at, (text = openSealed(value, secret, `idNumber of member ${memberId}`)));
    if (text === input.idNumber) return memberId;
  }
  return undefined;
};
