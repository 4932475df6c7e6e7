import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withClient, dropSchema, freshSchema, serverUrl } from './test-support.js';
import { openPgliteStore, openPostgresStore } from './open.js';
import { PostgresPersonalDataKeys } from './personal-data-keys.js';
import type { PostgresEventStore } from './store.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const onServer = async (): Promise<PostgresEventStore> => {
  const schema = freshSchema('keys');
  cleanups.push(() => dropSchema(schema));
  return openPostgresStore({ url: serverUrl, schema });
};

const onPglite = async (): Promise<PostgresEventStore> => {
  const directory = await mkdtemp(join(tmpdir(), 'cl-keys-'));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  return openPgliteStore(directory);
};

describe.each([
  ['PostgreSQL server', onServer],
  ['PGlite', onPglite],
])('personal-data keys on %s', (_kind, open) => {
  it('creates a key once (also when two ask at once), reads it back (one or many), and destroys it', async () => {
    const store = await open();
    try {
      const keys = PostgresPersonalDataKeys.of(store);
      const first = await keys.getOrCreate('member/v/m1');
      expect(first).toHaveLength(32);
      expect(await keys.getOrCreate('member/v/m1')).toEqual(first);
      const [a, b] = await Promise.all([keys.getOrCreate('member/v/m2'), keys.getOrCreate('member/v/m2')]);
      expect(a).toEqual(b);
      expect(a).not.toEqual(first);
      expect(await keys.read('member/v/m3')).toBeUndefined();
      expect([...(await keys.readMany(['member/v/m1', 'member/v/m3', 'member/v/m2'])).entries()].sort()).toEqual([['member/v/m1', first], ['member/v/m2', a]]);
      expect(await keys.destroy('member/v/m1')).toBe(true);
      expect(await keys.destroy('member/v/m1')).toBe(false);
      expect(await keys.read('member/v/m1')).toBeUndefined();
      expect(await keys.read('member/v/m2')).toEqual(a);
    } finally {
      await store.close();
    }
  });
});

describe('personal-data keys table', () => {
  it('keeps the keys after the store is closed and opened again, and refuses a key that is not 32 bytes', async () => {
    const schema = freshSchema('keys');
    cleanups.push(() => dropSchema(schema));
    const store = await openPostgresStore({ url: serverUrl, schema });
    const secret = await PostgresPersonalDataKeys.of(store).getOrCreate('household/v/h1');
    await store.close();
    const again = await openPostgresStore({ url: serverUrl, schema });
    try {
      expect(await PostgresPersonalDataKeys.of(again).read('household/v/h1')).toEqual(secret);
    } finally {
      await again.close();
    }
    await withClient(async (client) => {
      await expect(client.query(`insert into ${schema}.personal_data_keys (key_id, secret) values ('x', '\\x00')`)).rejects.toThrow(/check constraint/);
    });
  });
});
