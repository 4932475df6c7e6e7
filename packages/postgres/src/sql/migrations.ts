import { appendOnlyMigration } from './append-only.js';
import { commandIndexMigration } from './command-index.js';
import { eventsMigration } from './events.js';
import { personalDataKeysMigration } from './personal-data-keys.js';
import { projectionsMigration } from './projections.js';
import { readModelsMigration } from './read-models.js';
import { scopesMigration } from './scopes.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: (schema: string) => string;
}

/** Applied in order, each once; a new one gets the next version and never edits an old one. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'events', sql: eventsMigration },
  { version: 2, name: 'projections', sql: projectionsMigration },
  { version: 3, name: 'command id index', sql: commandIndexMigration },
  { version: 4, name: 'append-only events', sql: appendOnlyMigration },
  { version: 5, name: 'organization scopes', sql: scopesMigration },
  { version: 6, name: 'personal data keys', sql: personalDataKeysMigration },
  { version: 7, name: 'read models', sql: readModelsMigration },
];

export const migrationsTable = (s: string): string => `
create schema if not exists ${s};
create table if not exists ${s}.schema_migrations (
  version integer primary key,
  name text not null,
  applied_at timestamptz not null default now()
);
`;
