import { writeLockKey } from './lock.js';

/**
 * One append, one statement (prepared once per connection). Before a row is
 * produced, hence before `nextval` gives it a position, it takes the schema's
 * write lock shared (held until commit); it reads the stream's last position,
 * checks the expected revision, and inserts the events, given as parallel
 * arrays, only if it holds. Returns whether it held, the revision it read, and
 * what was written.
 *
 * Parameters: $1 stream id, $2 'any' | 'no_stream' | 'stream_exists' |
 * 'exact', $3 the exact revision (null otherwise), $4 event ids, $5 types,
 * $6 data, $7 metadata.
 *
 * Two appends to one stream that read the same last position both try to
 * insert the next one: the unique (stream_id, stream_position) index makes the
 * second wait for the first and then fail, and the store sends it again with
 * a fresh snapshot, which sees the first and decides the check anew (append.ts).
 */
export const appendStatement = (s: string) => {
  const [k1, k2] = writeLockKey(s);
  return {
    name: `cl-${s}-append`,
    text: `with inserted as (
  insert into ${s}.events (stream_id, stream_position, event_id, type, data, metadata, recorded_at)
  select $1::text, h.actual + x.ord, x.id, x.t, x.d, x.m, (x.m->>'recordedAt')::timestamptz
  from (select coalesce(max(e.stream_position), -1) as actual from ${s}.events e where e.stream_id = $1::text) h,
       unnest($4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[]) with ordinality as x(id, t, d, m, ord)
  where (select pg_advisory_xact_lock_shared(${k1}, ${k2})) is not null
    and ($2::text = 'any'
      or ($2::text = 'no_stream' and h.actual = -1)
      or ($2::text = 'stream_exists' and h.actual >= 0)
      or ($2::text = 'exact' and h.actual = $3::bigint))
  returning stream_position, global_position
)
select exists (select 1 from inserted) as ok,
       (select max(e.stream_position) from ${s}.events e where e.stream_id = $1::text) as actual,
       (select max(i.stream_position) from inserted i) as next_revision,
       (select max(i.global_position) from inserted i) as last_position`,
  };
};
