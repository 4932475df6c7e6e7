import pg from 'pg';
import type { Database, Queryable, Statement } from './database.js';
import { redactUrl } from './config.js';
import { connectionErrorOf } from './errors.js';

export interface PgDatabaseOptions {
  readonly url: string;
  /** Connections in the pool (default 10). */
  readonly max?: number;
}

const session = (client: pg.PoolClient | pg.Pool): Queryable => ({
  async query<Row>(statement: Statement, values: readonly unknown[]): Promise<Row[]> {
    const text = statement.text;
    const config = statement.name === '' ? { text, values: [...values] } : { name: statement.name, text, values: [...values] };
    const result = await client.query(config);
    return result.rows as Row[];
  },
  async script(sql: string): Promise<void> {
    await client.query(sql);
  },
});

/** A PostgreSQL server (or cluster) through a `pg.Pool`. */
export class PgDatabase implements Database {
  readonly kind = 'server';
  readonly location: string;
  private readonly pool: pg.Pool;
  private readonly direct: Queryable;

  constructor(options: PgDatabaseOptions) {
    this.location = redactUrl(options.url);
    this.pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10 });
    // An idle connection the server ends must not crash the process: the pool drops it.
    this.pool.on('error', () => undefined);
    this.direct = session(this.pool);
  }

  /** Driver errors come back as they are: the store names the operation when it explains them. */
  query<Row>(statement: Statement, values: readonly unknown[]): Promise<Row[]> {
    return this.direct.query<Row>(statement, values);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.connect();
    // A checked-out client has no listener of the pool's: without this one, a
    // backend that dies mid-transaction raises an 'error' event nobody handles,
    // and Node ends the process. The failing query reports the loss instead.
    let lost: Error | undefined;
    const onError = (error: Error): void => {
      lost = error;
    };
    client.on('error', onError);
    let broken: Error | undefined;
    try {
      await client.query('begin');
      const result = await work(session(client));
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.removeListener('error', onError);
      // A connection that died, or could not even roll back, is destroyed, not reused.
      client.release(broken ?? lost);
    }
  }

  async script(sql: string): Promise<void> {
    await this.direct.script(sql);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw connectionErrorOf(error, this.location, 'connecting');
    }
  }
}
