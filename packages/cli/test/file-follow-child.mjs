// A follower for the cross-process test: opens the NDJSON ledger it is given
// read-only (no lock: CLI commands write it meanwhile), follows it with
// subscribe and prints each event it is handed, and each caught-up batch, as
// a JSON line; stops once it has seen `count` events.
import process from 'node:process';
import { subscribe } from '@collective-ledger/core';
import { FileEventStore } from '../dist/index.js';

const [path, count, pollMs] = process.argv.slice(2);
const store = await FileEventStore.open(path, { readOnly: true });
const controller = new globalThis.AbortController();
let seen = 0;
for await (const batch of subscribe(store, { signal: controller.signal, pollMs: Number(pollMs), batchSize: 5 })) {
  for (const event of batch.events) {
    process.stdout.write(`${JSON.stringify({ position: String(event.globalPosition), id: event.metadata.eventId, at: Date.now() })}\n`);
    seen += 1;
  }
  if (batch.caughtUp) process.stdout.write(`${JSON.stringify({ caughtUp: String(batch.position), at: Date.now() })}\n`);
  if (seen >= Number(count)) controller.abort();
}
await store.close();
