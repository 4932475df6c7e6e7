import { readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { EventStore } from '@collective-ledger/core';
import { CliError, UsageError } from './errors.js';
import { errnoOf } from './file-lock.js';
import { FileEventStore, LedgerNotFoundError } from './file-store.js';

export interface OpenStoreOptions {
  /** Create the ledger if it does not exist yet (import); otherwise a missing one is an error. */
  readonly create?: boolean;
  /** An NDJSON ledger opened to read only: no lock taken, so a writer may append meanwhile (followers). */
  readonly readOnly?: boolean;
  readonly onWarning?: (message: string) => void;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

type PathKind = 'ndjson' | 'pglite' | 'missing-pglite' | 'half-made-pglite' | 'foreign-directory';

/** What PostgreSQL writes into a data directory besides PG_VERSION. */
const DATA_DIRECTORY = new Set(['base', 'global', 'pg_wal', 'pg_xact', 'postgresql.conf']);

/** What a path names: an NDJSON file, a PGlite directory (existing or to create), part of one, or a directory of something else. */
const kindOf = async (path: string): Promise<PathKind> => {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) return 'ndjson';
    const entries = await readdir(path);
    if (entries.length === 0 || entries.includes('PG_VERSION')) return 'pglite';
    return entries.some((entry) => DATA_DIRECTORY.has(entry)) ? 'half-made-pglite' : 'foreign-directory';
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') throw error;
    return /\.ndjson$/i.test(path) ? 'ndjson' : 'missing-pglite';
  }
};

/** The PostgreSQL package is loaded only when a PostgreSQL store is asked for: an NDJSON run never loads PGlite. */
const postgres = () => import('@collective-ledger/postgres');

const openPglite = async (path: string, kind: PathKind, options: OpenStoreOptions): Promise<EventStore> => {
  if (kind === 'half-made-pglite') {
    throw new CliError(
      `--store: ${path} is an unfinished PGlite database (no PG_VERSION: its creation was interrupted by a crash, in an older version); it holds no events: delete ${path} and import again`,
    );
  }
  if (kind === 'foreign-directory') {
    throw new UsageError(`--store: ${path} is a directory but not a PGlite database (no PG_VERSION in it); give an empty or new directory, or an .ndjson file`);
  }
  if (kind === 'missing-pglite' && options.create !== true) throw new LedgerNotFoundError(path);
  return (await postgres()).openPgliteStore(path);
};

const unsupported = (scheme: string): UsageError =>
  new UsageError(
    `--store: unknown store kind ${scheme}://; give a postgres:// URL, an esdb:// URL (EventStoreDB), a directory (PGlite) or an .ndjson ledger file`,
  );

/** The EventStoreDB package is loaded only when an EventStoreDB store is asked for. */
const eventStoreDb = () => import('@collective-ledger/eventstoredb');

/** A store on a server: PostgreSQL or EventStoreDB, by the URL's scheme. */
const openServer = async (scheme: string, spec: string): Promise<EventStore> => {
  if (scheme === 'postgres' || scheme === 'postgresql') return (await postgres()).openPostgresStore({ url: spec });
  if (scheme === 'esdb' || scheme === 'esdb+discover') return (await eventStoreDb()).EventStoreDbStore.connect(spec);
  throw unsupported(scheme);
};

/**
 * Open what `--store` names:
 * - `postgres://` or `postgresql://` URL: the PostgreSQL server (schema from `COLLECTIVE_LEDGER_PG_SCHEMA`);
 * - `esdb://` or `esdb+discover://` URL: an EventStoreDB (or KurrentDB) node or cluster;
 * - a directory, or a path that does not exist and does not end in `.ndjson`: embedded PGlite there;
 * - a file, or a path ending in `.ndjson` (or a `file://` URL to one): the NDJSON ledger file.
 * A URL is never repeated in an error as it is given: it may hold a password.
 */
export const openStore = async (spec: string, options: OpenStoreOptions = {}): Promise<EventStore> => {
  const scheme = SCHEME.exec(spec)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'file') return openServer(scheme, spec);
  const path = scheme === 'file' ? fileURLToPath(spec) : spec;
  const kind = await kindOf(path);
  if (kind !== 'ndjson') return openPglite(path, kind, options);
  return FileEventStore.open(path, {
    ...(options.create === undefined ? {} : { create: options.create }),
    ...(options.readOnly === undefined ? {} : { readOnly: options.readOnly }),
    ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
  });
};

/** The ledger file `--store` names, or `undefined` when it names a database (PGlite or PostgreSQL). */
export const ledgerFileOf = async (spec: string): Promise<string | undefined> => {
  const scheme = SCHEME.exec(spec)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'file') return undefined;
  const path = scheme === 'file' ? fileURLToPath(spec) : spec;
  return (await kindOf(path)) === 'ndjson' ? path : undefined;
};

/** `--store` as it may be printed: a URL's password replaced by `***`. */
export const describeStore = (spec: string): string => spec.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
