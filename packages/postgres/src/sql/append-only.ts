/** Our own SQLSTATE for a change to a stored event, raised by the triggers of migration 4. */
export const APPEND_ONLY = 'CLAPO';

/**
 * Migration 4: the events table refuses UPDATE, DELETE and TRUNCATE, whoever
 * sends them. A row trigger covers UPDATE and DELETE, a statement trigger
 * TRUNCATE (which fires no row triggers); both raise `CLAPO` naming the
 * operation and the table. The privileges are taken from PUBLIC as well, so a
 * role given only SELECT and INSERT cannot change the log even without the
 * triggers (docs/adapters/postgres.md). Dropping and creating the triggers
 * keeps the migration idempotent on servers without `create or replace trigger`.
 */
export const appendOnlyMigration = (s: string): string => `
create or replace function ${s}.refuse_event_change()
returns trigger
language plpgsql as $$
begin
  raise exception using
    errcode = '${APPEND_ONLY}',
    message = format('collective-ledger: the event log is append-only; %s of %I.%I refused', tg_op, tg_table_schema, tg_table_name),
    hint = 'a stored event is never changed or removed: record a correcting event (a reversing voucher) instead';
end $$;

drop trigger if exists events_append_only on ${s}.events;
create trigger events_append_only
  before update or delete on ${s}.events
  for each row execute function ${s}.refuse_event_change();

drop trigger if exists events_no_truncate on ${s}.events;
create trigger events_no_truncate
  before truncate on ${s}.events
  for each statement execute function ${s}.refuse_event_change();

revoke update, delete, truncate on ${s}.events from public;
`;
