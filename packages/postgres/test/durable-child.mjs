// A projection process for the fault tests: runs a durable projection against the
// built packages and prints its result; with a third argument, it kills itself
// (SIGKILL, no cleanup) right after that many batches were committed.
import process from 'node:process';
import * as t from 'io-ts';
import { EventCatalog, Id, Money, Yuan, defineEvent } from '@collective-ledger/core';
import { openPostgresStore, runDurableProjection } from '@collective-ledger/postgres';

const [schema, name, killAfter] = process.argv.slice(2);

const amountRecorded = defineEvent({
  type: 'AmountRecorded',
  codec: t.type({ organizationId: Id, amount: Yuan }),
  schemaVersion: 1,
  organizationOf: (data) => data.organizationId,
});
const catalog = new EventCatalog([amountRecorded]);

const projection = {
  name,
  version: 1,
  handles: ['AmountRecorded'],
  init: () => ({ events: 0, total: Money.zero, perStream: {} }),
  apply: (state, { streamId, event }) => ({
    events: state.events + 1,
    total: state.total.plus(event.data.amount),
    perStream: { ...state.perStream, [streamId]: (state.perStream[streamId] ?? 0) + 1 },
  }),
  encode: (state) => ({ events: state.events, total: state.total.toString(), perStream: state.perStream }),
  decode: (json) => ({ events: json.events, total: Money.of(json.total), perStream: json.perStream }),
};

const store = await openPostgresStore({ schema, poolSize: 2 });
const run = await runDurableProjection(store, catalog, projection, {
  batchSize: 100,
  onBatch: ({ batches }) => {
    if (killAfter !== undefined && batches === Number(killAfter)) process.kill(process.pid, 'SIGKILL');
  },
});
await store.close();
process.stdout.write(
  JSON.stringify({ state: projection.encode(run.state), position: run.position.toString(), batches: run.batches, rebuilt: run.rebuilt }),
);
