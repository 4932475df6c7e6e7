/** What the store needs from a connection: parameterised statements, optionally prepared by name. */
export interface Queryable {
  query<Row>(statement: Statement, values: readonly unknown[]): Promise<Row[]>;
  /** Run a script of several statements without parameters (migrations). */
  script(sql: string): Promise<void>;
}

/** A SQL text with the name it is prepared under (per connection) where the driver supports that. */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

/**
 * One database behind the store: a `pg.Pool` on a server, or a PGlite
 * instance. The same SQL runs on both; only connecting and transactions differ.
 */
export interface Database extends Queryable {
  /** Run `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Where the database is, for error messages: a URL without its password, or a directory. */
  readonly location: string;
  /** Whether concurrent transactions really run concurrently (false for PGlite's single session). */
  readonly kind: 'server' | 'pglite';
  close(): Promise<void>;
}
