import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Statement } from './database.js';
import { ensurePgliteDirectory } from './pglite-directory.js';

type Session = Pick<PGlite, 'query' | 'exec'> | Transaction;

const sessionOf = (session: Session): Queryable => ({
  async query<Row>(statement: Statement, values: readonly unknown[]): Promise<Row[]> {
    const result = await session.query<Row>(statement.text, [...values]);
    return result.rows;
  },
  async script(sql: string): Promise<void> {
    await session.exec(sql);
  },
});

/** Embedded PostgreSQL (PGlite, WebAssembly) on a directory: one session, so transactions queue. */
export class PgliteDatabase implements Database {
  readonly kind = 'pglite';
  private readonly direct: Queryable;

  private constructor(
    private readonly db: PGlite,
    readonly location: string,
    private readonly owned: boolean,
  ) {
    this.direct = sessionOf(db);
  }

  /** Open (or create, see ensurePgliteDirectory) the database in `directory`; `undefined` keeps it in memory. */
  static async open(directory: string | undefined): Promise<PgliteDatabase> {
    // A path on disk is created whole or not at all; `idb://`, `memory://` and the like are PGlite's own.
    if (directory !== undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(directory)) await ensurePgliteDirectory(directory);
    const db = await PGlite.create(directory === undefined ? {} : { dataDir: directory });
    return new PgliteDatabase(db, directory ?? 'memory://', true);
  }

  /** Share a PGlite the caller opened; closing the store leaves it open. */
  static of(db: PGlite, location = 'pglite'): PgliteDatabase {
    return new PgliteDatabase(db, location, false);
  }

  query<Row>(statement: Statement, values: readonly unknown[]): Promise<Row[]> {
    return this.direct.query<Row>(statement, values);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(sessionOf(tx)));
  }

  script(sql: string): Promise<void> {
    return this.direct.script(sql);
  }

  async close(): Promise<void> {
    if (this.owned) await this.db.close();
  }
}
