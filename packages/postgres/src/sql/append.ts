import { writeLockKey } from './lock.js';

/**
 * One append, one statement (prepared once per connection): take the schema's
 * write lock shared and the stream's lock, both held until commit; read the
 * stream's last position; check the expected revision; insert the events,
 * given as parallel arrays, only if it holds. Returns whether it held, the
 * revision it read, and what was written.
 *
 * Parameters: $1 stream id, $2 'any' | 'no_stream' | 'stream_exists' |
 * 'exact', $3 the exact revision (null otherwise), $4 event ids, $5 types,
 * $6 data, $7 metadata.
 *
 * The statement's snapshot is taken before it waits for the stream's lock, so
 * an append to the same stream that commits while it waits is not seen: the
 * insert then hits the unique (stream_id, stream_position) index, and the
 * store runs the statement again with a fresh snapshot (store.ts).
 */
export const appendStatement = (s: string) => {
  const [k1, k2] = writeLockKey(s);
  return {
    name: `cl-${s}-append`,
    text: `with locks as materialized (
  select pg_advisory_xact_lock_shared(${k1}, ${k2}) as write_lock, pg_advisory_xact_lock(hashtextextended('${s}:' || $1::text, 0)) as stream_lock
), checked as materialized (
  select h.actual,
         ($2::text = 'any'
          or ($2::text = 'no_stream' and h.actual is null)
          or ($2::text = 'stream_exists' and h.actual is not null)
          or ($2::text = 'exact' and h.actual is not null and h.actual = $3::bigint)) as ok
  from (select (select max(e.stream_position) from ${s}.events e where e.stream_id = $1::text) as actual from locks) h
), inserted as (
  insert into ${s}.events (stream_id, stream_position, event_id, type, data, metadata, recorded_at)
  select $1::text, coalesce(c.actual, -1) + x.ord, x.id, x.t, x.d, x.m, (x.m->>'recordedAt')::timestamptz
  from checked c, unnest($4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[]) with ordinality as x(id, t, d, m, ord)
  where c.ok
  returning stream_position, global_position
)
select c.ok, c.actual, (select max(i.stream_position) from inserted i) as next_revision,
       (select max(i.global_position) from inserted i) as last_position
from checked c`,
  };
};
