import { appendLockKey } from './lock.js';

/**
 * Migration 1: the events table and the two functions that write it. Every
 * write takes the schema's append lock first and keeps it until commit, so
 * positions are handed out in commit order (docs/adapters/postgres.md).
 */
export const eventsMigration = (s: string): string => {
  const [k1, k2] = appendLockKey(s);
  return `
create table if not exists ${s}.events (
  global_position bigint generated always as identity primary key,
  stream_id text not null,
  stream_position bigint not null,
  event_id uuid not null,
  type text not null,
  data jsonb not null,
  metadata jsonb not null,
  recorded_at timestamptz not null,
  constraint events_stream_position_key unique (stream_id, stream_position),
  constraint events_event_id_key unique (event_id)
);

create or replace function ${s}.stored_event_ids(p_events jsonb) returns text
language sql stable as $$
  select string_agg(e.event_id::text, ',')
  from ${s}.events e
  where e.event_id in (select (x->'metadata'->>'eventId')::uuid from jsonb_array_elements(p_events) x)
$$;

-- One round trip per append: lock, revision check, duplicate check, insert.
create or replace function ${s}.append_events(p_stream text, p_expected text, p_events jsonb)
returns table (next_revision bigint, last_position bigint)
language plpgsql as $$
declare
  v_actual bigint;
  v_stored text;
begin
  perform pg_advisory_xact_lock(${k1}, ${k2});
  -- A new statement, so a new snapshot: it sees every append that held the lock before.
  select max(e.stream_position) into v_actual from ${s}.events e where e.stream_id = p_stream;
  if not (p_expected = 'any'
      or (p_expected = 'no_stream' and v_actual is null)
      or (p_expected = 'stream_exists' and v_actual is not null)
      or (p_expected ~ '^[0-9]+$' and v_actual is not null and v_actual = p_expected::bigint)) then
    raise exception using errcode = 'CLREV', message = 'wrong expected revision', detail = coalesce(v_actual::text, '');
  end if;
  v_stored := ${s}.stored_event_ids(p_events);
  if v_stored is not null then
    raise exception using errcode = 'CLDUP', message = 'event id already stored', detail = v_stored;
  end if;
  return query
    with inserted as (
      insert into ${s}.events (stream_id, stream_position, event_id, type, data, metadata, recorded_at)
      select p_stream, coalesce(v_actual, -1) + x.ord, (x.e->'metadata'->>'eventId')::uuid, x.e->>'type',
             x.e->'data', x.e->'metadata', (x.e->'metadata'->>'recordedAt')::timestamptz
      from jsonb_array_elements(p_events) with ordinality as x(e, ord)
      order by x.ord
      returning events.stream_position, events.global_position
    )
    select max(i.stream_position), max(i.global_position) from inserted i;
end $$;

-- A chunk of an import: events of many streams, each after what its stream holds.
create or replace function ${s}.import_events(p_events jsonb) returns bigint
language plpgsql as $$
declare
  v_stored text;
  v_count bigint;
begin
  perform pg_advisory_xact_lock(${k1}, ${k2});
  v_stored := ${s}.stored_event_ids(p_events);
  if v_stored is not null then
    raise exception using errcode = 'CLDUP', message = 'event id already stored', detail = v_stored;
  end if;
  with batch as (
    select x.e, x.ord, x.e->>'streamId' as stream_id from jsonb_array_elements(p_events) with ordinality as x(e, ord)
  ), heads as (
    select b.stream_id, coalesce((select max(e.stream_position) from ${s}.events e where e.stream_id = b.stream_id), -1) as head
    from (select distinct stream_id from batch) b
  )
  insert into ${s}.events (stream_id, stream_position, event_id, type, data, metadata, recorded_at)
  select b.stream_id, h.head + row_number() over (partition by b.stream_id order by b.ord),
         (b.e->'metadata'->>'eventId')::uuid, b.e->>'type', b.e->'data', b.e->'metadata',
         (b.e->'metadata'->>'recordedAt')::timestamptz
  from batch b join heads h using (stream_id)
  order by b.ord;
  get diagnostics v_count = row_count;
  return v_count;
end $$;
`;
};
