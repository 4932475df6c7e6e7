/** Migration 2: one row per durable projection, its state and checkpoint written together. */
export const projectionsMigration = (s: string): string => `
create table if not exists ${s}.projections (
  name text primary key,
  version integer not null,
  position bigint not null,
  state jsonb not null,
  updated_at timestamptz not null default now()
);
`;

export const projectionStatements = (s: string) => ({
  load: { name: `cl-${s}-projection-load`, text: `select version, position, state from ${s}.projections where name = $1` },
  /** Written only if the row is still where this runner left it: two runners never both advance it. */
  save: {
    name: `cl-${s}-projection-save`,
    text:
      `insert into ${s}.projections as p (name, version, position, state) values ($1, $2, $3, $4) ` +
      `on conflict (name) do update set version = excluded.version, position = excluded.position, state = excluded.state, updated_at = now() ` +
      `where p.version = $5 and p.position = $6 returning position`,
  },
  reset: { name: `cl-${s}-projection-reset`, text: `delete from ${s}.projections where name = $1` },
});
