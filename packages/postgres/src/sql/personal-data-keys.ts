/**
 * Migration 6: the personal-data keys (docs/personal-data.md), one row per
 * member's or household's key. Unlike `events` this table is not
 * append-only: destroying a key deletes its row, which erases the sealed
 * fields that were written under it.
 */
export const personalDataKeysMigration = (s: string): string => `
create table if not exists ${s}.personal_data_keys (
  key_id text primary key,
  secret bytea not null check (octet_length(secret) = 32),
  created_at timestamptz not null default now()
);
`;

/** The statements of `PostgresPersonalDataKeys`. */
export const personalDataKeyStatements = (s: string) => ({
  insert: { name: `${s}_pdk_insert`, text: `insert into ${s}.personal_data_keys (key_id, secret) values ($1, $2) on conflict (key_id) do nothing` },
  read: { name: `${s}_pdk_read`, text: `select key_id, secret from ${s}.personal_data_keys where key_id = $1` },
  readMany: { name: `${s}_pdk_read_many`, text: `select key_id, secret from ${s}.personal_data_keys where key_id = any($1::text[])` },
  destroy: { name: `${s}_pdk_destroy`, text: `delete from ${s}.personal_data_keys where key_id = $1 returning key_id` },
});
