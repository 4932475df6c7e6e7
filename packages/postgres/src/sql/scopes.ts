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
 *   scope (or none). The owner of the table is not subject to them.
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

alter table ${s}.events enable row level security;

drop policy if exists events_scope_read on ${s}.events;
create policy events_scope_read on ${s}.events for select using (
  organization_id in (select ${s}.scope_of(current_user))
  or (stream_id = 'organization-' || organization_id and organization_id in (select ${s}.above_scope_of(current_user)))
);

drop policy if exists events_scope_write on ${s}.events;
create policy events_scope_write on ${s}.events for insert with check (
  organization_id in (select ${s}.scope_of(current_user))
  and (data->>'organizationId' is null or data->>'organizationId' in (select ${s}.scope_of(current_user)))
);

-- Let a role open the store and read and write the books of an organization (and all below it).
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
