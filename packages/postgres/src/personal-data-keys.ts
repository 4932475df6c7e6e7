import { newKeySecret, PersonalDataKeysError, type PersonalDataKeys } from '@collective-ledger/core';
import type { Database } from './database.js';
import { connectionErrorOf } from './errors.js';
import { personalDataKeyStatements } from './sql/personal-data-keys.js';

interface KeyRow {
  readonly key_id: string;
  readonly secret: Uint8Array;
}

/**
 * The personal-data keys in the store's own schema, table
 * `personal_data_keys` (migration 6), on a server or on PGlite. `destroy` is
 * a DELETE: the events table stays append-only, this one does not.
 */
export class PostgresPersonalDataKeys implements PersonalDataKeys {
  private readonly sql: ReturnType<typeof personalDataKeyStatements>;

  /** The keys beside a store's events: its database and schema, which `open` has migrated. */
  static of(store: { readonly database: Database; readonly schema: string }): PostgresPersonalDataKeys {
    return new PostgresPersonalDataKeys(store.database, store.schema);
  }

  constructor(
    private readonly database: Database,
    readonly schema: string,
  ) {
    this.sql = personalDataKeyStatements(schema);
  }

  async getOrCreate(keyId: string): Promise<Uint8Array> {
    const found = await this.read(keyId);
    if (found !== undefined) return found;
    // Two writers creating the same key at once: the first insert wins, and both read the one kept.
    await this.run(`creating personal-data key ${keyId}`, this.sql.insert, [keyId, newKeySecret()]);
    const kept = await this.read(keyId);
    if (kept === undefined) throw new PersonalDataKeysError(`personal-data key ${keyId} was destroyed while it was being created in ${this.database.location}`);
    return kept;
  }

  async read(keyId: string): Promise<Uint8Array | undefined> {
    const [row] = await this.run(`reading personal-data key ${keyId}`, this.sql.read, [keyId]);
    return row === undefined ? undefined : new Uint8Array(row.secret);
  }

  async readMany(keyIds: readonly string[]): Promise<ReadonlyMap<string, Uint8Array>> {
    if (keyIds.length === 0) return new Map();
    const rows = await this.run(`reading ${keyIds.length} personal-data keys`, this.sql.readMany, [[...keyIds]]);
    return new Map(rows.map((row) => [row.key_id, new Uint8Array(row.secret)]));
  }

  async destroy(keyId: string): Promise<boolean> {
    return (await this.run(`destroying personal-data key ${keyId}`, this.sql.destroy, [keyId])).length > 0;
  }

  private async run(operation: string, statement: { readonly name: string; readonly text: string }, values: readonly unknown[]): Promise<KeyRow[]> {
    try {
      return await this.database.query<KeyRow>(statement, values);
    } catch (error) {
      throw connectionErrorOf(error, this.database.location, operation);
    }
  }
}
