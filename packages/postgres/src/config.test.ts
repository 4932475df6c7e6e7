import { describe, expect, it } from 'vitest';
import { DuplicateEventError } from '@collective-ledger/core';
import { DEFAULT_PG_URL, checkedSchema, postgresUrlFrom, redactUrl, schemaFrom } from './config.js';
import { ConnectionLostError, DatabaseUnreachableError, EventLogAppendOnlyError, appendErrorOf, appendOnlyErrorOf, connectionErrorOf, isStreamPositionTaken } from './errors.js';

describe('configuration', () => {
  it('takes the server from COLLECTIVE_LEDGER_PG_URL, else the local default', () => {
    expect(postgresUrlFrom({})).toBe(DEFAULT_PG_URL);
    expect(postgresUrlFrom({ COLLECTIVE_LEDGER_PG_URL: ' ' })).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(postgresUrlFrom({ COLLECTIVE_LEDGER_PG_URL: 'postgres://u@db:6432/books' })).toBe('postgres://u@db:6432/books');
    expect(schemaFrom({})).toBe('collective_ledger');
    expect(schemaFrom({ COLLECTIVE_LEDGER_PG_SCHEMA: 'village_books' })).toBe('village_books');
  });

  it('never shows a password', () => {
    expect(redactUrl('postgres://ledger:s3cret@db.example:5432/books?sslmode=require')).toBe('postgres://ledger:***@db.example:5432/books?sslmode=require');
    expect(redactUrl('postgres://ledger@db/books')).toBe('postgres://ledger@db/books');
    expect(redactUrl('postgres://ledger:s3cret@[bad')).not.toContain('s3cret');
  });

  it('accepts only plain lower-case schema names', () => {
    expect(checkedSchema('collective_ledger')).toBe('collective_ledger');
    for (const bad of ['', 'Books', 'a-b', 'x; drop table events', '1abc', 'a'.repeat(64)]) expect(() => checkedSchema(bad)).toThrow(/schema: expected/);
  });
});

describe('errors', () => {
  it('turns a stored event id into core’s DuplicateEventError, in the caller’s spelling', () => {
    expect(isStreamPositionTaken({ code: '23505', detail: 'Key (stream_id, stream_position)=(s, 3) already exists.' })).toBe(true);
    expect(isStreamPositionTaken({ code: '23505', detail: 'Key (event_id)=(x) already exists.' })).toBe(false);
    expect(appendErrorOf({ code: 'CLDUP', detail: 'a,b' }, [])).toEqual(new DuplicateEventError(['a', 'b']));
    const id = '0000000A-0000-4000-8000-000000000001';
    const duplicate = appendErrorOf({ code: '23505', detail: `Key (event_id)=(${id.toLowerCase()}) already exists.` }, [id]);
    expect(duplicate).toBeInstanceOf(DuplicateEventError);
    expect((duplicate as DuplicateEventError).eventIds).toEqual([id]);
    expect(appendErrorOf({ code: '22P02' }, [])).toBeUndefined();
  });

  it('names where and what for connection failures', () => {
    const refused = connectionErrorOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'postgres://x@127.0.0.1:1/t', 'x');
    expect(refused).toBeInstanceOf(DatabaseUnreachableError);
    const lost = connectionErrorOf({ code: '57P01', message: 'terminating connection due to administrator command' }, 'postgres://x@h/t', 'the append to stream s');
    expect(lost).toBeInstanceOf(ConnectionLostError);
    expect((lost as Error).message).toContain('was lost during the append to stream s (terminating connection due to administrator command)');
  });

  it('explains the append-only refusal of the events table in a sentence, naming the operation and the table', () => {
    const raised = { code: 'CLAPO', message: 'collective-ledger: the event log is append-only; DELETE of books.events refused' };
    const refused = connectionErrorOf(raised, 'postgres://x@h/t', 'a statement');
    expect(refused).toBeInstanceOf(EventLogAppendOnlyError);
    expect(refused).toMatchObject({ operation: 'DELETE', table: 'books.events', code: 'EVENT_LOG_APPEND_ONLY' });
    expect((refused as Error).message).toBe(
      'the event log is append-only: the database refused DELETE of books.events ' +
        '(a stored event is never changed or removed; record a correcting event, such as a reversing voucher, instead)',
    );
    expect(appendOnlyErrorOf({ code: '42501', message: 'permission denied for table events' })).toBeUndefined();
  });
});
