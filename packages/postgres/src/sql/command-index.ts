/**
 * Migration 3: an index on each event's command id, so that `readCommand`
 * reads the few events of one command, not the whole table. Partial: events
 * without a command id (some imports) take no room in it.
 */
export const commandIndexMigration = (s: string): string => `
create index if not exists events_command_id_idx on ${s}.events ((metadata->>'commandId'))
  where (metadata->>'commandId') is not null;
`;
