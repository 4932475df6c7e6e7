import { writeLockKey } from './lock.js';

/**
 * Migration 1: the events table, its position sequence, the import function
 * and the readAll page function. How appends (sql/append.ts) and readAll keep
 * readAll order equal to commit order is in docs/adapters/postgres.md.
 */
export const eventsMigration = (s: string): string => {
  const [k1, k2] = writeLockKey(s);
  return `
create sequence if not exists ${s}.event_positions as bigint;

create table if not exists ${s}.events (
  global_position bigint primary key default nextval('${s}.event_positions'),
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

-- A chunk of an import: events of many streams, as parallel arrays, each after what its stream holds.
-- Called only inside the import's transaction, which holds the write lock exclusive.
create or replace function ${s}.import_events(p_streams text[], p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[])
returns bigint
language plpgsql as $$
declare
  v_stored text;
  v_count bigint;
begin
  select string_agg(e.event_id::text, ',') into v_stored from ${s}.events e where e.event_id = any(p_ids);
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

-- A page of readAll that never runs ahead of an append still in flight.
create or replace function ${s}.read_all(p_from bigint, p_limit integer)
returns table (global_position bigint, stream_id text, stream_position bigint, type text, data jsonb, metadata jsonb)
language plpgsql as $$
declare
  v_horizon bigint;
begin
  -- Every position handed out so far: its append holds the write lock shared until it ends.
  select case when q.is_called then q.last_value else 0 end into v_horizon from ${s}.event_positions q;
  -- Wait until those appends have committed or rolled back, then let writers go on at once.
  perform pg_advisory_lock(${k1}, ${k2});
  perform pg_advisory_unlock(${k1}, ${k2});
  -- A new snapshot: every append at or below the horizon is visible now, or never will be.
  return query
    select e.global_position, e.stream_id, e.stream_position, e.type, e.data, e.metadata
    from ${s}.events e
    where e.global_position >= p_from and e.global_position <= v_horizon
    order by e.global_position
    limit p_limit;
end $$;
`;
};
