import { writeLockKey } from './lock.js';

/**
 * Appends, one statement each (prepared once per connection). Every event's
 * chain hash depends on its stream position, so the store decides the
 * positions before it sends them: the events go at the positions after a
 * head it knows (its cache, or one read of the stream's last row; append.ts),
 * and the statement writes them there or not at all.
 *
 * Before a row is produced, hence before `nextval` gives it a global
 * position, the statement takes the schema's write lock shared (held until
 * commit). It inserts only if the position it appends after exists (nothing
 * to check for an empty stream, written as -1); a position after it already
 * taken fails the unique (stream_id, stream_position) index, which waits for
 * an append in flight to that position and fails if it commits. Either way
 * nothing is written and the store decides what the expectation makes of it.
 *
 * Appends of up to VALUES_LIMIT events pass each event as its own parameters
 * in a VALUES list (one statement per batch size); larger ones pass parallel
 * arrays. Array literals cost the client and the server a parse per append
 * that plain parameters do not (docs/adapters/postgres.md, benchmark).
 */
export const VALUES_LIMIT = 16;

const columns = (s: string): string => `insert into ${s}.events (stream_id, stream_position, event_id, type, data, metadata, recorded_at)`;

const guard = (s: string): string => {
  const [k1, k2] = writeLockKey(s);
  return `where (select pg_advisory_xact_lock_shared(${k1}, ${k2})) is not null
  and ($2::bigint = -1 or exists (select 1 from ${s}.events e where e.stream_id = $1::text and e.stream_position = $2::bigint))`;
};

/**
 * `count` events after position $2 of stream $1 (-1 for an empty stream),
 * five parameters each from $3: event id, type, data, metadata (the chain
 * hash and recorded-at inside), recorded-at. Returns the rows written.
 */
export const appendNextStatement = (s: string, count: number) => {
  const rows = Array.from({ length: count }, (_, r) => {
    const p = 3 + r * 5;
    return `(${r + 1}, $${p}::uuid, $${p + 1}::text, $${p + 2}::jsonb, $${p + 3}::jsonb, $${p + 4}::timestamptz)`;
  });
  return {
    name: `cl-${s}-append-next-${count}`,
    text: `${columns(s)}
select $1::text, $2::bigint + v.ord, v.id, v.t, v.d, v.m, v.at
from (values ${rows.join(', ')}) as v(ord, id, t, d, m, at)
${guard(s)}
returning stream_position, global_position`,
  };
};

/** The same with the events as parallel arrays: $3 event ids, $4 types, $5 data, $6 metadata (recorded-at inside). */
export const appendNextArraysStatement = (s: string) => ({
  name: `cl-${s}-append-next`,
  text: `${columns(s)}
select $1::text, $2::bigint + x.ord, x.id, x.t, x.d, x.m, (x.m->>'recordedAt')::timestamptz
from unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) with ordinality as x(id, t, d, m, ord)
${guard(s)}
returning stream_position, global_position`,
});

/** The last event of a stream, its position and chain hash (none for an empty stream): one index entry, one row. */
export const streamHeadStatement = (s: string) => ({
  name: `cl-${s}-stream-head`,
  text: `select stream_position as position, metadata->>'hash' as hash from ${s}.events where stream_id = $1 order by stream_position desc limit 1`,
});

/** The chain hash of the event at position $2 of stream $1 (no row when there is none). */
export const streamHashAtStatement = (s: string) => ({
  name: `cl-${s}-stream-hash-at`,
  text: `select metadata->>'hash' as hash from ${s}.events where stream_id = $1 and stream_position = $2`,
});

/**
 * Which of the event ids $1 are stored, and where: a refused append says so
 * before it blames the chain, as every store does, and an append whose
 * connection died finds out whether it was committed.
 */
export const storedEventIdsStatement = (s: string) => ({
  name: `cl-${s}-stored-event-places`,
  text: `select event_id::text as id, stream_id, stream_position, global_position from ${s}.events where event_id = any($1::uuid[])`,
});

/** A statement and the name it is prepared under. */
interface AppendStatement {
  readonly name: string;
  readonly text: string;
}

/** The append statements of a schema: one per batch size up to VALUES_LIMIT, built once, and the array form beyond. */
export interface AppendStatements {
  readonly arrays: AppendStatement;
  readonly next: (count: number) => AppendStatement;
  readonly head: AppendStatement;
  readonly hashAt: AppendStatement;
  readonly storedIds: AppendStatement;
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
  arrays: appendNextArraysStatement(schema),
  next: bySize((count) => appendNextStatement(schema, count)),
  head: streamHeadStatement(schema),
  hashAt: streamHashAtStatement(schema),
  storedIds: storedEventIdsStatement(schema),
});
