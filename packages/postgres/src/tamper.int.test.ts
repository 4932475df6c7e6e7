import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStore } from '@collective-ledger/core';
import { newEvents } from '@collective-ledger/testing';
import { PgDatabase } from './pg-database.js';
import { PostgresEventStore } from './store.js';
import { dropSchema, freshSchema, serverUrl, withClient } from './test-support.js';

/**
 * A superuser can drop the append-only triggers and change a stored event in
 * place: the chain still tells. The store is reopened after each change, so
 * no cached head hides it.
 */
describe('on a PostgreSQL server, a stored event changed by a superuser who dropped the triggers', () => {
  const schema = freshSchema('tamper');
  let store: PostgresEventStore;

  beforeAll(async () => {
    store = await PostgresEventStore.open(new PgDatabase({ url: serverUrl }), { schema });
    await store.append('ledger-v-2023', newEvents(4));
    await store.close();
  }, 60_000);

  afterAll(async () => {
    await dropSchema(schema);
  });

  const reopened = () => PostgresEventStore.open(new PgDatabase({ url: serverUrl }), { schema });

  it('is found by verify: the chain breaks at the changed event and the seal taken before no longer matches', async () => {
    const before = await reopened();
    const clean = await verifyStore(before);
    await before.close();
    expect(clean.findings.filter((f) => f.rule.startsWith('CHAIN'))).toEqual([]);
    await withClient(async (client) => {
      await client.query(`drop trigger events_append_only on ${schema}.events`);
      await client.query(`update ${schema}.events set data = jsonb_set(data, '{n}', '99') where stream_id = 'ledger-v-2023' and stream_position = 1`);
    });
    const after = await reopened();
    const found = await verifyStore(after, { seal: { events: clean.seal.events, root: clean.seal.root } });
    await after.close();
    const chain = found.findings.filter((f) => f.rule === 'CHAIN_BROKEN' || f.rule === 'SEAL_MISMATCH');
    expect(chain.map((f) => [f.rule, f.streamId, f.streamPosition])).toEqual([
      ['CHAIN_BROKEN', 'ledger-v-2023', 1n],
      ['SEAL_MISMATCH', '(all)', undefined],
    ]);
  });
});
