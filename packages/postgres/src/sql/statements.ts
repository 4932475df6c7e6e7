/** The statements the store runs, prepared once per connection under these names. */
export const eventStatements = (s: string) => {
  const columns = 'global_position, stream_id, stream_position, type, data, metadata';
  return {
    append: { name: `cl-${s}-append`, text: `select next_revision, last_position from ${s}.append_events($1, $2, $3)` },
    importChunk: { name: `cl-${s}-import`, text: `select ${s}.import_events($1) as count` },
    lock: { name: `cl-${s}-lock`, text: 'select pg_advisory_xact_lock($1, $2)' },
    readAll: {
      name: `cl-${s}-read-all`,
      text: `select ${columns} from ${s}.events where global_position >= $1 order by global_position limit $2`,
    },
    readStream: {
      name: `cl-${s}-read-stream`,
      text: `select ${columns} from ${s}.events where stream_id = $1 and stream_position >= $2 order by stream_position limit $3`,
    },
  };
};

export type EventStatements = ReturnType<typeof eventStatements>;
