/**
 * Migration 7: read models (docs/read-models.md). One row per model, its
 * state written with its checkpoint; one row for the lease of the runner
 * that keeps them. Only the schema's owner reads and writes them: a role
 * restricted to some organizations reads its events, never the district's
 * figures, so its reports replay.
 */
export const readModelsMigration = (s: string): string => `
create table if not exists ${s}.read_models (
  key text primary key,
  report text not null,
  options jsonb not null,
  version text not null,
  position bigint not null,
  state text,
  updated_at timestamptz not null default now()
);

create table if not exists ${s}.read_model_lease (
  id boolean primary key default true check (id),
  holder text not null,
  expires_at timestamptz not null
);

revoke all on ${s}.read_models, ${s}.read_model_lease from public;
`;

export const readModelStatements = (s: string) => ({
  load: { name: `cl-${s}-model-load`, text: `select key, report, options, version, position, state from ${s}.read_models where key = $1` },
  list: { name: `cl-${s}-model-list`, text: `select key, report, options, version, position, state from ${s}.read_models order by key` },
  /** A new model: written only if no other runner wrote one under its key meanwhile. */
  insert: {
    name: `cl-${s}-model-insert`,
    text: `insert into ${s}.read_models (key, report, options, version, position, state) values ($1, $2, $3, $4, $5, $6) on conflict (key) do nothing returning key`,
  },
  /** A model moved on: written only if it still stands where this runner read it. */
  update: {
    name: `cl-${s}-model-update`,
    text:
      `update ${s}.read_models set report = $2, options = $3, version = $4, position = $5, state = $6, updated_at = now() ` +
      `where key = $1 and version = $7 and position = $8 returning key`,
  },
  remove: { name: `cl-${s}-model-remove`, text: `delete from ${s}.read_models where key = $1` },
  /** Take the lease, or renew it: only when it is free, expired, or already this holder's. */
  lease: {
    name: `cl-${s}-model-lease`,
    text:
      `insert into ${s}.read_model_lease as l (id, holder, expires_at) values (true, $1, now() + make_interval(secs => $2)) ` +
      `on conflict (id) do update set holder = excluded.holder, expires_at = excluded.expires_at ` +
      `where l.expires_at < now() or l.holder = excluded.holder returning holder`,
  },
  release: { name: `cl-${s}-model-release`, text: `delete from ${s}.read_model_lease where holder = $1` },
});
