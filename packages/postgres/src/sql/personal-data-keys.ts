/**
 * Migration 6: the personal-data keys (docs/personal-data.md), one row per
 * member's or household's key. Unlike `events` this table is not
 * append-only: destroying a key deletes its row, which erases the sealed
 * fields that were written under it. Under the row-level security of
 * migration 5, a role keeps to the keys of the villages it is granted.
 */
export const personalDataKeysMigration = (s: string): string => `
create table if not exists ${s}.personal_data_keys (
  key_id text primary key,
  secret bytea not null check (octet_length(secret) = 32),
  created_at timestamptz not null default now()
);

-- A key belongs to the village its id names (member/<village>/<member>, household/<village>/<household>):
-- a role scoped to villages (migration 5) reads, makes and destroys only their keys.
alter table ${s}.personal_data_keys enable row level security;
drop policy if exists personal_data_keys_scope on ${s}.personal_data_keys;
create policy personal_data_keys_scope on ${s}.personal_data_keys for all
  using ((select ${s}.unscoped(current_user)) or split_part(key_id, '/', 2) in (select ${s}.scope_of(current_user)))
  with check ((select ${s}.unscoped(current_user)) or split_part(key_id, '/', 2) in (select ${s}.scope_of(current_user)));
`;

/** The statements of `PostgresPersonalDataKeys`. */
export const personalDataKeyStatements = (s: string) => ({
  insert: { name: `${s}_pdk_insert`, text: `insert into ${s}.personal_data_keys (key_id, secret) values ($1, $2) on conflict (key_id) do nothing` },
  read: { name: `${s}_pdk_read`, text: `select key_id, secret from ${s}.personal_data_keys where key_id = $1` },
  readMany: { name: `${s}_pdk_read_many`, text: `select key_id, secret from ${s}.personal_data_keys where key_id = any($1::text[])` },
  destroy: { name: `${s}_pdk_destroy`, text: `delete from ${s}.personal_data_keys where key_id = $1 returning key_id` },
});
