/**
 * Where the personal-data keys live (docs/personal-data.md): one AES-256 key
 * per member or household, by key id, never in the events. Destroying a key
 * erases every sealed field under it, in every copy of the ledger.
 */
export interface PersonalDataKeys {
  /** The key `keyId`, created (32 random bytes) and kept durably first when there is none. */
  getOrCreate(keyId: string): Promise<Uint8Array>;
  /** The key `keyId`, `undefined` when there is none (never created, or destroyed). */
  read(keyId: string): Promise<Uint8Array | undefined>;
  /** The keys of `keyIds` that exist; one read for many (a report opens a whole village). */
  readMany(keyIds: readonly string[]): Promise<ReadonlyMap<string, Uint8Array>>;
  /** Destroy the key `keyId`; true when there was one. Destroying a key that is gone is not an error. */
  destroy(keyId: string): Promise<boolean>;
}

/** The key of a member's personal fields: one per member of a village. */
export const memberKeyId = (villageId: string, memberId: string): string => `member/${villageId}/${memberId}`;

/** The key of a household's personal fields (its address). */
export const householdKeyId = (villageId: string, householdId: string): string => `household/${villageId}/${householdId}`;

/** A key store that cannot be read or written: names the store and what failed. */
export class PersonalDataKeysError extends Error {
  override readonly name = 'PersonalDataKeysError';
}
