// A process for the crash tests: imports `count` events into the NDJSON ledger
// file it is given, through the built file store, and prints `done`. The tests
// kill it (SIGKILL) during the import, or name a point where it kills itself
// (COLLECTIVE_LEDGER_CRASH_AT).
import { randomUUID } from 'node:crypto';
import process from 'node:process';
import { FileEventStore } from '../dist/index.js';

const [path, count] = process.argv.slice(2);

async function* writes() {
  for (let i = 0; i < Number(count); i += 100) {
    const events = Array.from({ length: 100 }, (_, j) => ({
      type: 'IncomeRecorded',
      data: { amount: '1.00', line: i + j, note: 'an event of the import that a crash interrupts' },
      metadata: { eventId: randomUUID(), occurredOn: '2024-03-15', actor: '会计', schemaVersion: 1 },
    }));
    yield { streamId: `imported-${i % 700}`, events };
  }
}

const store = await FileEventStore.open(path, { create: true });
await store.importAll(writes());
await store.close();
process.stdout.write('done');
