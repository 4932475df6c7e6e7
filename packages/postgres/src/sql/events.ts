import { writeLockKey } from './lock.js';

/**
 * Migration 1: the events table, its position sequence and the functions that
 * write and read it. How they keep readAll order equal to commit order is
 * explained in docs/adapters/postgres.md ("Global order").
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

-- One round trip per append: locks, revision check, insert. The events come as
-- parallel arrays (one element per event), so nothing is parsed twice.
create or replace function ${s}.append_events(
  p_stream text, p_expected text, p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[]
) returns table (next_revision bigint, last_position bigint)
language plpgsql as $$
declare
  v_actual bigint;
begin
  -- Both held until commit. The write lock, shared: a reader waiting for it exclusive waits
  -- for this append. The stream's lock: appends to one stream take turns, others run side by side.
  perform pg_advisory_xact_lock_shared(${k1}, ${k2}), pg_advisory_xact_lock(hashtextextended('${s}:' || p_stream, 0));
  -- A new statement, so a new snapshot: it sees every append to the stream that held the lock before.
  select max(e.stream_position) into v_actual from ${s}.events e where e.stream_id = p_stream;
  if not (p_expected = 'any'
      or (p_expected = 'no_stream' and v_actual is null)
      or (p_expected = 'stream_exists' and v_actual is not null)
      or (p_expected ~ '^[0-9]+$' and v_actual is not null and v_actual = p_expected::bigint)) then
    raise exception using errcode = 'CLREV', message = 'wrong expected revision', detail = coalesce(v_actual::text, '');
  end if;
  -- A stored event id fails the unique index (23505), which the client reports as a duplicate.
  insert into ${s}.events (stream_id, stream_position, event_id, type, data, metadata, recorded_at)
  select p_stream, coalesce(v_actual, -1) + x.ord, x.id, x.t, x.d, x.m, (x.m->>'recordedAt')::timestamptz
  from unnest(p_ids, p_types, p_data, p_metadata) with ordinality as x(id, t, d, m, ord);
  next_revision := coalesce(v_actual, -1) + cardinality(p_ids);
  last_position := currval('${s}.event_positions');
  return next;
end $$;

-- A chunk of an import: events of many streams, each after what its stream holds.
-- Called only inside the import's transaction, which holds the write lock exclusive.
create or replace function ${s}.import_events(p_events jsonb) returns bigint
language plpgsql as $$
declare
  v_stored text;
  v_count bigint;
begin
  select string_agg(e.event_id::text, ',') into v_stored from ${s}.events e
  where e.event_id in (select (x->'metadata'->>'eventId')::uuid from jsonb_array_elements(p_events) x);
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
