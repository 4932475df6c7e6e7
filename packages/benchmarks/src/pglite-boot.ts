/**
 * The floor of any command on a PGlite store, run as its own process by the
 * read models benchmark: Node started, the engine booted on the directory,
 * one `select 1`, closed. No migration, no events read.
 */
import { PgliteDatabase } from '@collective-ledger/postgres';

const database = await PgliteDatabase.open(process.argv[2] ?? '');
await database.query({ name: '', text: 'select 1' }, []);
await database.close();
