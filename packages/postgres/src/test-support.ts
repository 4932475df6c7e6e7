import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { postgresUrlFrom } from './config.js';
import type { Database, Queryable, Statement } from './database.js';

/** The server tests run against: `COLLECTIVE_LEDGER_PG_URL`, or the local default. */
export const serverUrl = postgresUrlFrom();

/** A schema name of this test run alone; `dropSchema` removes it afterwards. */
export const freshSchema = (label: string): string => `cl_test_${label}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

/** Run statements on a connection of the test's own, outside any store. */
export const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

export const dropSchema = (schema: string): Promise<void> =>
  withClient(async (client) => {
    await client.query(`drop schema if exists ${schema} cascade`);
  });

/** A database that counts the statements sent to it, and keeps the values of the last one. */
export const counting = (inner: Database): Database & { sent: number } => {
  const wrap = (q: Queryable, on: { sent: number }): Queryable => ({
    query: <Row>(statement: Statement, values: readonly unknown[]) => {
      on.sent += 1;
      return q.query<Row>(statement, values);
    },
    script: (sql: string) => {
      on.sent += 1;
      return q.script(sql);
    },
  });
  const db = {
    sent: 0,
    kind: inner.kind,
    location: inner.location,
    query: <Row>(statement: Statement, values: readonly unknown[]) => wrap(inner, db).query<Row>(statement, values),
    script: (sql: string) => wrap(inner, db).script(sql),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => inner.transaction((tx) => work(wrap(tx, db))),
    close: () => inner.close(),
  };
  return db;
};
