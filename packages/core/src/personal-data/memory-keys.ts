import { newKeySecret } from './cipher.js';
import type { PersonalDataKeys } from './keys.js';

/** Keys in memory: for tests and for a process that keeps its books in an `InMemoryEventStore`. */
export class InMemoryPersonalDataKeys implements PersonalDataKeys {
  readonly #keys = new Map<string, Uint8Array>();

  getOrCreate(keyId: string): Promise<Uint8Array> {
    let secret = this.#keys.get(keyId);
    if (secret === undefined) this.#keys.set(keyId, (secret = newKeySecret()));
    return Promise.resolve(secret);
  }

  read(keyId: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.#keys.get(keyId));
  }

  readMany(keyIds: readonly string[]): Promise<ReadonlyMap<string, Uint8Array>> {
    const found = new Map<string, Uint8Array>();
    for (const id of keyIds) {
      const secret = this.#keys.get(id);
      if (secret !== undefined) found.set(id, secret);
    }
    return Promise.resolve(found);
  }

  destroy(keyId: string): Promise<boolean> {
    return Promise.resolve(this.#keys.delete(keyId));
  }
}
