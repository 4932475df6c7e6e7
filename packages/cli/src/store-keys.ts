import { access } from 'node:fs/promises';
import type { EventStore, PersonalDataKeys } from '@collective-ledger/core';
import { UsageError } from './errors.js';
import { FilePersonalDataKeys, personalDataKeysPath } from './file-keys.js';
import { errnoOf } from './file-lock.js';
import { ledgerFileOf } from './stores.js';

const exists = async (path: string): Promise<boolean> => {
  try {
    await access(path);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw error;
  }
};

/**
 * The personal-data keys of the store `--store` names (docs/personal-data.md):
 * `--keys <file>` when given; for an NDJSON ledger, `<ledger>.keys` when it
 * exists (without it, sealed fields show as sealed, not as erased); for
 * PostgreSQL and PGlite, the store's own `personal_data_keys` table.
 */
export const personalDataKeysOf = async (spec: string, store: EventStore, keysFile: string | undefined): Promise<PersonalDataKeys | undefined> => {
  if (keysFile !== undefined) {
    if (!(await exists(keysFile))) throw new UsageError(`--keys: ${keysFile} does not exist; give the personal-data key file of this ledger`);
    return FilePersonalDataKeys.open(keysFile);
  }
  const ledger = await ledgerFileOf(spec);
  if (ledger !== undefined) {
    const path = personalDataKeysPath(ledger);
    return (await exists(path)) ? FilePersonalDataKeys.open(path) : undefined;
  }
  const { PostgresEventStore, PostgresPersonalDataKeys } = await import('@collective-ledger/postgres');
  return store instanceof PostgresEventStore ? PostgresPersonalDataKeys.of(store) : undefined;
};
