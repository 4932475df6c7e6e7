/**
 * Migration 5: row-level security by organization (docs/adapters/postgres.md,
 * "Roles scoped to a village or a township").
 *
 * - `events.organization_id`, computed from the stream id the way
 *   `organizationOfStream` (core) reads it, so existing rows get it when the
 *   column is added and a stream is all of one organization;
 * - `organizations`: each registered organization and its parent, filled from
 *   the stored registrations and then by a trigger before each new one is
 *   inserted (so the row's own check already sees it);
 * - `scope_grants`: the organizations each role is granted, filled by
 *   `grant_scope(role, organization)` (run by the schema's owner);
 * - policies: a role reads the streams of what it is granted and everything
 *   below it, and the registration streams of the organizations above; it
 *   inserts only rows of its scope whose data names an organization of its
 *   scope (or none). A role granted `'*'` reads and writes everything: every
 *   role that held SELECT or INSERT on the events before this migration is
 *   granted it, so no one loses access. The table's owner is not subject to them.
 */
export const scopesMigration = (s: string): string => `
create or replace function ${s}.organization_of_stream(p_stream text) returns text
language sql immutable parallel safe as $$
  select coalesce(substring(p_stream from '^ledger-(.+)-[0-9]{4}$'), substring(p_stream from '^(?:organization|chart|shares)-(.+)$'))
$$;

alter table ${s}.events add column if not exists organization_id text
  generated always as (${s}.organization_of_stream(stream_id)) stored;

create table if not exists ${s}.organizations (
  organization_id text primary key,
  parent_id text
);

insert into ${s}.organizations (organization_id, parent_id)
  select distinct on (e.organization_id) e.organization_id, e.data->>'parentId'
  from ${s}.events e
  where e.type = 'OrganizationRegistered' and e.data->>'organizationId' = e.organization_id and e.stream_id = 'organization-' || e.organization_id
  order by e.organization_id, e.global_position
on conflict do nothing;

create or replace function ${s}.note_organization() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
begin
  if new.stream_id = 'organization-' || (new.data->>'organizationId') then
    insert into ${s}.organizations (organization_id, parent_id)
      values (new.data->>'organizationId', new.data->>'parentId')
      on conflict do nothing;
  end if;
  return new;
end $$;

drop trigger if exists events_note_organization on ${s}.events;
create trigger events_note_organization
  before insert on ${s}.events
  for each row when (new.type = 'OrganizationRegistered')
  execute function ${s}.note_organization();

create table if not exists ${s}.scope_grants (
  role_name name not null,
  organization_id text not null,
  primary key (role_name, organization_id)
);

revoke all on ${s}.organizations, ${s}.scope_grants from public;

-- Roles that could read or write the events before this migration keep the whole store ('*').
insert into ${s}.scope_grants (role_name, organization_id)
  select distinct p.grantee::name, '*' from information_schema.role_table_grants p
  where p.table_schema = '${s}' and p.table_name = 'events' and p.privilege_type in ('SELECT', 'INSERT')
    and p.grantee <> 'PUBLIC' and p.grantee <> (select tableowner from pg_catalog.pg_tables where schemaname = '${s}' and tablename = 'events')
on conflict do nothing;

-- A role granted '*' reads and writes every stream, as before scopes.
create or replace function ${s}.unscoped(p_role name) returns boolean
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
  select exists (select 1 from ${s}.scope_grants g where g.role_name = p_role and g.organization_id = '*')
$$;

-- What a role may write: what it is granted and every organization below. Volatile, so
-- the check of a registration's row sees what the trigger just noted.
create or replace function ${s}.scope_of(p_role name) returns setof text
language sql volatile security definer set search_path = pg_catalog, pg_temp as $$
  with recursive below(organization_id, depth) as (
    select g.organization_id, 0 from ${s}.scope_grants g where g.role_name = p_role
    union
    select o.organization_id, b.depth + 1 from ${s}.organizations o join below b on o.parent_id = b.organization_id where b.depth < 16
  )
  select distinct organization_id from below
$$;

-- The organizations above what a role is granted: it may read their registration streams.
create or replace function ${s}.above_scope_of(p_role name) returns setof text
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
  with recursive above(organization_id, depth) as (
    select o.parent_id, 1 from ${s}.scope_grants g join ${s}.organizations o using (organization_id)
    where g.role_name = p_role and o.parent_id is not null
    union
    select o.parent_id, a.depth + 1 from ${s}.organizations o join above a using (organization_id) where o.parent_id is not null and a.depth < 16
  )
  select distinct organization_id from above
$$;

-- The organizations granted to a role, as given (not those below them).
create or replace function ${s}.granted_scope(p_role name) returns setof text
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
  select g.organization_id from ${s}.scope_grants g where g.role_name = p_role order by g.organization_id
$$;

-- Which of these event ids are stored, whatever the caller may read: an import refuses a
-- stored id by name (CLDUP) even when it is in another organization's stream.
create or replace function ${s}.stored_event_ids(p_ids uuid[]) returns text
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
  select string_agg(e.event_id::text, ',') from ${s}.events e where e.event_id = any(p_ids)
$$;

create or replace function ${s}.import_events(p_streams text[], p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[])
returns bigint
language plpgsql as $$
declare
  v_stored text;
  v_count bigint;
begin
  v_stored := ${s}.stored_event_ids(p_ids);
  if v_stored is not null then
    raise exception using errcode = 'CLDUP', message = 'event id already stored', detail = v_stored;
  end if;
  with batch as (
    select * from unnest(p_streams, p_ids, p_types, p_data, p_metadata) with ordinality as x(stream_id, id, t, d, m, ord)
  ), heads as (
    select b.stream_id, coalesce((select max(e.stream_position) from ${s}.events e where e.stream_id = b.stream_id), -1) as head
    from (select distinct stream_id from batch) b
  )
  insert into ${s}.events (stream_id, stream_position, event_id, type, data, metadata, recorded_at)
  select b.stream_id, h.head + row_number() over (partition by b.stream_id order by b.ord), b.id, b.t, b.d, b.m,
         (b.m->>'recordedAt')::timestamptz
  from batch b join heads h using (stream_id)
  order by b.ord;
  get diagnostics v_count = row_count;
  return v_count;
end $$;

alter table ${s}.events enable row level security;

drop policy if exists events_scope_read on ${s}.events;
create policy events_scope_read on ${s}.events for select using (
  (select ${s}.unscoped(current_user))
  or organization_id in (select ${s}.scope_of(current_user))
  or (stream_id = 'organization-' || organization_id and organization_id in (select ${s}.above_scope_of(current_user)))
);

drop policy if exists events_scope_write on ${s}.events;
create policy events_scope_write on ${s}.events for insert with check (
  (select ${s}.unscoped(current_user))
  or (
    organization_id in (select ${s}.scope_of(current_user))
    and (data->>'organizationId' is null or data->>'organizationId' in (select ${s}.scope_of(current_user)))
  )
);

-- Let a role open the store and read and write the books of an organization and all below it
-- ('*': every stream of the store).
create or replace function ${s}.grant_scope(p_role name, p_organization text) returns void
language plpgsql as $$
begin
  execute format('grant usage on schema ${s} to %I', p_role);
  execute format('grant select, insert on ${s}.events to %I', p_role);
  execute format('grant usage, select on sequence ${s}.event_positions to %I', p_role);
  execute format('grant select on ${s}.schema_migrations to %I', p_role);
  insert into ${s}.scope_grants (role_name, organization_id) values (p_role, p_organization) on conflict do nothing;
end $$;

create or replace function ${s}.revoke_scope(p_role name, p_organization text) returns void
language sql as $$
  delete from ${s}.scope_grants where role_name = p_role and organization_id = p_organization
$$;

revoke execute on function ${s}.grant_scope(name, text), ${s}.revoke_scope(name, text) from public;
`;
