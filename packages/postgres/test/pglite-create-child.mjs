// A process for the crash tests: opens (creating it if need be) a PGlite store
// on the directory it is given, against the built package, appends one event
// and prints `done`. The tests kill it (SIGKILL) while it creates the database,
// or name a point where it kills itself (COLLECTIVE_LEDGER_CRASH_AT).
import { randomUUID } from 'node:crypto';
import process from 'node:process';
import { openPgliteStore } from '@collective-ledger/postgres';

const [directory] = process.argv.slice(2);
const store = await openPgliteStore(directory);
await store.append('ledger-created', [{ type: 'ThingHappened', data: {}, metadata: { eventId: randomUUID(), occurredOn: '2024-01-02', actor: 'crash test', schemaVersion: 1 } }]);
await store.close();
process.stdout.write('done');
