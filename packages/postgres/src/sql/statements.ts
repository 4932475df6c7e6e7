import { appendStatementsOf } from './append.js';

const COLUMNS = 'global_position, stream_id, stream_position, type, data, metadata';

/** The statements the store runs, prepared once per connection under these names. */
export const eventStatements = (s: string) => ({
  append: appendStatementsOf(s),
  importChunk: { name: `cl-${s}-import`, text: `select ${s}.import_events($1, $2, $3, $4, $5) as count` },
  lockExclusive: { name: `cl-${s}-lock`, text: 'select pg_advisory_xact_lock($1, $2)' },
  readAll: { name: `cl-${s}-read-all`, text: `select * from ${s}.read_all($1, $2)` },
  readStream: {
    name: `cl-${s}-read-stream`,
    text: `select ${COLUMNS} from ${s}.events where stream_id = $1 and stream_position >= $2 order by stream_position limit $3`,
  },
  // The stream index read backward: the last event of a stream is one index entry and one row.
  readStreamBackward: {
    name: `cl-${s}-read-stream-backward`,
    text: `select ${COLUMNS} from ${s}.events where stream_id = $1 and stream_position <= $2 order by stream_position desc limit $3`,
  },
  // By events_command_id_idx (migration 3).
  readCommand: {
    name: `cl-${s}-read-command`,
    text: `select ${COLUMNS} from ${s}.events where metadata->>'commandId' = $1 order by global_position`,
  },
});

export type EventStatements = ReturnType<typeof eventStatements>;
