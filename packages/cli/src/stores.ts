import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { EventStore } from '@collective-ledger/core';
import { UsageError } from './errors.js';
import { errnoOf } from './file-lock.js';
import { FileEventStore } from './file-store.js';

export interface OpenStoreOptions {
  /** Create the ledger if it does not exist yet (import); otherwise a missing one is an error. */
  readonly create?: boolean;
  readonly onWarning?: (message: string) => void;
}

/** Store kinds named in docs/architecture.md that later versions add. */
const LATER: Readonly<Record<string, string>> = {
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  esdb: 'EventStoreDB',
  'esdb+discover': 'EventStoreDB',
};

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

const isDirectory = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw error;
  }
};

/**
 * Open what `--store` names. For now: a path (or `file://` URL) to an NDJSON
 * ledger file. PostgreSQL and EventStoreDB URLs and PGlite directories get a
 * clear "not supported yet"; the URL itself is not repeated, as it may hold a password.
 */
export const openStore = async (spec: string, options: OpenStoreOptions = {}): Promise<EventStore> => {
  const scheme = SCHEME.exec(spec)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'file') {
    const kind = LATER[scheme];
    throw new UsageError(
      kind === undefined
        ? `--store: unknown store kind ${scheme}://; give a path to an .ndjson ledger file`
        : `--store: ${kind} stores (${scheme}://) are not supported yet; give a path to an .ndjson ledger file`,
    );
  }
  const path = scheme === 'file' ? fileURLToPath(spec) : spec;
  if (await isDirectory(path)) {
    throw new UsageError(`--store: ${path} is a directory; embedded PGlite stores are not supported yet, give an .ndjson file`);
  }
  return FileEventStore.open(path, {
    ...(options.create === undefined ? {} : { create: options.create }),
    ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
  });
};
