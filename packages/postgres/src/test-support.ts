import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { postgresUrlFrom } from './config.js';

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
