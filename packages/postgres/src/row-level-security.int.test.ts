import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuplicateEventError, eventHash, OutOfScopeError, scopedStore, type RecordedEvent } from '@collective-ledger/core';
import { bookEvent, collect, registrationOf, writeScopeBooks } from '@collective-ledger/testing';
import { PgDatabase } from './pg-database.js';
import { PostgresEventStore } from './store.js';
import { dropSchema, freshSchema, serverUrl, withClient } from './test-support.js';

const schema = freshSchema('rls');
const suffix = randomUUID().replaceAll('-', '').slice(0, 10);
/** A clerk of village v1, one of township t1, one granted the whole store. */
const roles = { village: `cl_test_v1_${suffix}`, township: `cl_test_t1_${suffix}`, all: `cl_test_all_${suffix}` };

const roleUrl = (role: string): string => {
  const url = new URL(serverUrl);
  url.username = role;
  url.password = '';
  return url.toString();
};

const openAs = (role: string) => PostgresEventStore.open(new PgDatabase({ url: roleUrl(role), max: 4 }), { schema });

const streamsOf = (events: readonly RecordedEvent[]): string[] => [...new Set(events.map((e) => e.streamId))];

/** Each event's hash recomputed from the events of its stream before it. */
const chainHolds = (events: readonly RecordedEvent[]): boolean =>
  events.every((event, i) => event.metadata.hash === eventHash(event, events[i - 1]?.metadata.hash ?? null));

let owner: PostgresEventStore;

beforeAll(async () => {
  owner = await PostgresEventStore.open(new PgDatabase({ url: serverUrl }), { schema });
  await writeScopeBooks(owner);
  // What docs/adapters/postgres.md tells an administrator to run: a login role, then its grant.
  await withClient((client) =>
    client.query(`
      create role ${roles.village} login;
      create role ${roles.township} login;
      create role ${roles.all} login;
      select ${schema}.grant_scope('${roles.village}', 'v1');
      select ${schema}.grant_scope('${roles.township}', 't1');
      select ${schema}.grant_scope('${roles.all}', '*');
    `),
  );
}, 60_000);

afterAll(async () => {
  await owner.close();
  await dropSchema(schema);
  await withClient(async (client) => {
    for (const role of Object.values(roles)) await client.query(`drop owned by ${role}; drop role if exists ${role}`);
  });
});

describe('the personal-data keys under the same scopes', () => {
  it('a village’s role reads, makes and destroys only its village’s keys; a role granted everything sees them all', async () => {
    const secret = `'\\x${'ab'.repeat(32)}'`;
    await withClient((client) =>
      client.query(`
        insert into ${schema}.personal_data_keys (key_id, secret) values ('member/v1/m1', ${secret}), ('member/v2/m1', ${secret}), ('household/v2/h1', ${secret});
        grant select, insert, delete on ${schema}.personal_data_keys to ${roles.village}, ${roles.all};
      `),
    );
    const asRole = async <T>(role: string, work: (db: PgDatabase) => Promise<T>): Promise<T> => {
      const db = new PgDatabase({ url: roleUrl(role), max: 1 });
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    };
    const keysSeen = (db: PgDatabase) => db.query<{ key_id: string }>({ name: '', text: `select key_id from ${schema}.personal_data_keys order by key_id` }, []);
    expect((await asRole(roles.village, keysSeen)).map((r) => r.key_id)).toEqual(['member/v1/m1']);
    expect((await asRole(roles.all, keysSeen)).map((r) => r.key_id)).toEqual(['household/v2/h1', 'member/v1/m1', 'member/v2/m1']);
    const refused = await asRole(roles.village, (db) =>
      db.query({ name: '', text: `insert into ${schema}.personal_data_keys (key_id, secret) values ('member/v2/m9', ${secret})` }, []).catch((e: unknown) => e),
    );
    expect((refused as Error).message).toMatch(/row-level security/);
    const destroyed = await asRole(roles.village, (db) => db.query<{ key_id: string }>({ name: '', text: `delete from ${schema}.personal_data_keys returning key_id` }, []));
    expect(destroyed.map((r) => r.key_id)).toEqual(['member/v1/m1']);
    expect((await asRole(roles.all, keysSeen)).map((r) => r.key_id)).toEqual(['household/v2/h1', 'member/v2/m1']);
  });
});

describe('a role granted one village', () => {
  it('opens the migrated store without the right to create anything, and learns what it is granted', async () => {
    const store = await openAs(roles.village);
    try {
      expect(await store.grantedScope()).toEqual({ everything: false, organizations: ['v1'] });
      const created = await store.database.query({ name: '', text: `create table ${schema}.intruder (x int)` }, []).catch((e: unknown) => e);
      expect((created as Error).message).toMatch(/permission denied for schema/);
    } finally {
      await store.close();
    }
  });

  it('reads only its village’s rows and the registrations above it', async () => {
    const store = await openAs(roles.village);
    try {
      expect(streamsOf(await collect(store.readAll()))).toEqual(['organization-d', 'organization-t1', 'organization-v1', 'ledger-v1-2023']);
      expect(await collect(store.readStream('ledger-v2-2023'))).toEqual([]);
      expect(await store.readCommand('cmd-v2')).toEqual([]);
      expect((await store.readCommand('cmd-v1')).map((e) => e.streamId)).toEqual(['ledger-v1-2023']);
    } finally {
      await store.close();
    }
  });

  it('writes its village’s stream, concurrent appends included, and the chain of hashes holds', async () => {
    const store = await openAs(roles.village);
    try {
      await Promise.all(Array.from({ length: 8 }, () => store.append('ledger-v1-2023', [bookEvent('v1')])));
      await store.append('chart-v1', [bookEvent('v1')], { expectedRevision: 'no_stream' });
      const stream = await collect(owner.readStream('ledger-v1-2023'));
      expect(stream.map((e) => e.streamPosition)).toEqual(Array.from({ length: 9 }, (_, i) => BigInt(i)));
      expect(chainHolds(stream)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('is refused by the server writing another village’s stream, or an event naming another village, and nothing is written', async () => {
    const store = await openAs(roles.village);
    const before = (await collect(owner.readAll())).length;
    try {
      const refusal = `outside the scope of the organizations granted to role ${roles.village}: nothing was written`;
      await expect(store.append('ledger-v2-2023', [bookEvent('v2')])).rejects.toThrow(new OutOfScopeError('ledger-v2-2023', `the organizations granted to role ${roles.village}`, 'write'));
      await expect(store.append('ledger-v2-2024', [bookEvent('v2')], { expectedRevision: 'no_stream' })).rejects.toThrow(`stream ledger-v2-2024 is ${refusal}`);
      await expect(store.append('ledger-v1-2023', [bookEvent('w')])).rejects.toThrow(`stream ledger-v1-2023 is ${refusal}`);
      await expect(store.append('organization-x', [registrationOf('x', 'village', 't2')])).rejects.toThrow(`stream organization-x is ${refusal}`);
      const writes = async function* () {
        yield { streamId: 'ledger-v1-2025', events: [bookEvent('v1')] };
        yield { streamId: 'shares-w', events: [bookEvent('w')] };
      };
      await expect(store.importAll(writes())).rejects.toThrow(`stream shares-w is ${refusal}`);
      expect((await collect(owner.readAll())).length).toBe(before);
    } finally {
      await store.close();
    }
  });

  it('is refused an event id stored in another village’s stream as a duplicate, though it cannot read it', async () => {
    const store = await openAs(roles.village);
    try {
      const [stored] = await collect(owner.readStream('ledger-v2-2023'));
      const eventId = stored?.metadata.eventId ?? '';
      const copy = { ...bookEvent('v1'), metadata: { ...bookEvent('v1').metadata, eventId } };
      await expect(store.append('ledger-v1-2023', [copy])).rejects.toThrow(new DuplicateEventError([eventId]));
      const writes = async function* () {
        yield { streamId: 'ledger-v1-2026', events: [copy] };
      };
      await expect(store.importAll(writes())).rejects.toThrow(new DuplicateEventError([eventId]));
    } finally {
      await store.close();
    }
  });

  it('through scopedStore, is refused before the server with the message of every store', async () => {
    const store = await openAs(roles.village);
    try {
      const village = scopedStore(store, { organizations: (await store.grantedScope()).organizations });
      await expect(village.append('ledger-v2-2023', [bookEvent('v2')])).rejects.toThrow(
        'stream ledger-v2-2023 is outside the scope of organization v1: nothing was written',
      );
      await expect(collect(village.readStream('ledger-v2-2023'))).rejects.toThrow('stream ledger-v2-2023 is outside the scope of organization v1: it cannot be read');
    } finally {
      await store.close();
    }
  });
});

describe('a role granted a township', () => {
  it('sees its villages, registers a village of its own and keeps its books, and is refused the other township’s', async () => {
    const store = await openAs(roles.township);
    try {
      expect(streamsOf(await collect(store.readAll()))).toEqual(
        expect.arrayContaining(['organization-d', 'organization-t1', 'organization-v1', 'ledger-v1-2023', 'organization-v2', 'ledger-v2-2023']),
      );
      expect(streamsOf(await collect(store.readAll())).filter((s) => s.includes('-w') || s.endsWith('t2'))).toEqual([]);
      await store.append('organization-v3', [registrationOf('v3', 'village', 't1')], { expectedRevision: 'no_stream' });
      await store.append('ledger-v3-2023', [bookEvent('v3')]);
      expect(streamsOf(await collect(store.readAll()))).toContain('ledger-v3-2023');
      await expect(store.append('organization-y', [registrationOf('y', 'village', 't2')])).rejects.toThrow(OutOfScopeError);
      await expect(store.append('ledger-w-2023', [bookEvent('w')])).rejects.toThrow(OutOfScopeError);
      expect(await collect(owner.readStream('organization-y'))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('a role granted the whole store', () => {
  it('reads and writes every stream, those of no organization too', async () => {
    const store = await openAs(roles.all);
    try {
      expect(await store.grantedScope()).toEqual({ everything: true, organizations: [] });
      await store.append('notes-1', [bookEvent('w')]);
      await store.append('ledger-w-2023', [bookEvent('w')]);
      expect((await collect(store.readAll())).length).toBe((await collect(owner.readAll())).length);
    } finally {
      await store.close();
    }
  });
});
