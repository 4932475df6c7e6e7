import { writeLockKey } from './lock.js';

/**
 * Appends, one statement each (prepared once per connection). Before a row is
 * produced, hence before `nextval` gives it a position, the statement takes
 * the schema's write lock shared (held until commit); it reads the stream's
 * last position, checks the expected revision, and inserts the events only if
 * it holds. It returns the revision it read (null for no stream) and, when it
 * inserted, the last stream and global positions.
 *
 * Parameters: $1 stream id, $2 'any' | 'no_stream' | 'stream_exists' |
 * 'exact', $3 the exact revision (null otherwise), then the events.
 *
 * Two appends to one stream that read the same last position both try to
 * insert the next one: the unique (stream_id, stream_position) index makes the
 * second wait for the first and then fail, and the store sends it again with
 * a fresh snapshot, which sees the first and decides the check anew (append.ts).
 *
 * Appends of up to VALUES_LIMIT events pass each event as its own parameters
 * in a VALUES list (one statement per batch size); larger ones pass parallel
 * arrays. Array literals cost the client and the server a parse per append
 * that plain parameters do not (docs/adapters/postgres.md, benchmark).
 */
export const VALUES_LIMIT = 16;

const head = (s: string): string =>
  `with h as (select coalesce(max(e.stream_position), -1) as actual from ${s}.events e where e.stream_id = $1::text)`;

const guard = (s: string): string => {
  const [k1, k2] = writeLockKey(s);
  return `where (select pg_advisory_xact_lock_shared(${k1}, ${k2})) is not null
    and ($2::text = 'any'
      or ($2::text = 'no_stream' and h.actual = -1)
      or ($2::text = 'stream_exists' and h.actual >= 0)
      or ($2::text = 'exact' and h.actual = $3::bigint))`;
};

const result = `select nullif((select actual from h), -1) as actual,
       (select max(i.stream_position) from inserted i) as next_revision,
       (select max(i.global_position) from inserted i) as last_position`;

const columns = (s: string): string => `insert into ${s}.events (stream_id, stream_position, event_id, type, data, metadata, recorded_at)`;

/** Events as parallel arrays: $4 event ids, $5 types, $6 data, $7 metadata (recorded-at inside). */
export const appendArraysStatement = (s: string) => ({
  name: `cl-${s}-append`,
  text: `${head(s)},
inserted as (
  ${columns(s)}
  select $1::text, h.actual + x.ord, x.id, x.t, x.d, x.m, (x.m->>'recordedAt')::timestamptz
  from h, unnest($4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[]) with ordinality as x(id, t, d, m, ord)
  ${guard(s)}
  returning stream_position, global_position
)
${result}`,
});

/** `count` events, five parameters each from $4: event id, type, data, metadata, recorded-at. */
export const appendValuesStatement = (s: string, count: number) => {
  const rows = Array.from({ length: count }, (_, r) => {
    const p = 4 + r * 5;
    return `(${r + 1}, $${p}::uuid, $${p + 1}::text, $${p + 2}::jsonb, $${p + 3}::jsonb, $${p + 4}::timestamptz)`;
  });
  return {
    name: `cl-${s}-append-${count}`,
    text: `${head(s)},
inserted as (
  ${columns(s)}
  select $1::text, h.actual + v.ord, v.id, v.t, v.d, v.m, v.at
  from h, (values ${rows.join(', ')}) as v(ord, id, t, d, m, at)
  ${guard(s)}
  returning stream_position, global_position
)
${result}`,
  };
};

/**
 * An append whose expected revision is exact (or no stream, -1): its events
 * go at the positions after it without reading the stream's head. The check
 * is that position $2 exists (for $2 ≥ 0); a later position already taken is
 * refused by the unique (stream_id, stream_position) index, which waits for an
 * append in flight to that position and fails if it commits. Either way the
 * store then reads the head once to name it in the ConcurrencyError.
 * Parameters: $1 stream id, $2 the expected revision (-1 for no stream), then
 * five per event as in appendValuesStatement. Returns the rows written (none
 * when the check failed).
 */
export const appendNextStatement = (s: string, count: number) => {
  const [k1, k2] = writeLockKey(s);
  const rows = Array.from({ length: count }, (_, r) => {
    const p = 3 + r * 5;
    return `(${r + 1}, $${p}::uuid, $${p + 1}::text, $${p + 2}::jsonb, $${p + 3}::jsonb, $${p + 4}::timestamptz)`;
  });
  return {
    name: `cl-${s}-append-next-${count}`,
    text: `${columns(s)}
select $1::text, $2::bigint + v.ord, v.id, v.t, v.d, v.m, v.at
from (values ${rows.join(', ')}) as v(ord, id, t, d, m, at)
where (select pg_advisory_xact_lock_shared(${k1}, ${k2})) is not null
  and ($2::bigint = -1 or exists (select 1 from ${s}.events e where e.stream_id = $1::text and e.stream_position = $2::bigint))
returning stream_position, global_position`,
  };
};

/** The head of a stream, for the message of a refused append. */
export const streamHeadStatement = (s: string) => ({
  name: `cl-${s}-stream-head`,
  text: `select max(stream_position) as actual from ${s}.events where stream_id = $1`,
});

/** A statement and the name it is prepared under. */
interface AppendStatement {
  readonly name: string;
  readonly text: string;
}

/** The append statements of a schema: one per batch size up to VALUES_LIMIT, built once, and the array form beyond. */
export interface AppendStatements {
  readonly arrays: AppendStatement;
  readonly values: (count: number) => AppendStatement;
  readonly next: (count: number) => AppendStatement;
  readonly head: AppendStatement;
}

/** One statement per batch size, built on first use and kept. */
const bySize = (build: (count: number) => AppendStatement): ((count: number) => AppendStatement) => {
  const built = new Map<number, AppendStatement>();
  return (count) => {
    const found = built.get(count);
    if (found !== undefined) return found;
    const statement = build(count);
    built.set(count, statement);
    return statement;
  };
};

export const appendStatementsOf = (schema: string): AppendStatements => ({
  arrays: appendArraysStatement(schema),
  values: bySize((count) => appendValuesStatement(schema, count)),
  next: bySize((count) => appendNextStatement(schema, count)),
  head: streamHeadStatement(schema),
});
