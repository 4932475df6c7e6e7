import { OutOfScopeError } from '@collective-ledger/core';
import type { Database } from './database.js';
import { sqlStateOf } from './errors.js';

/** The server's row-level security (migration 5) refused a row the role may not insert. */
export const isScopeRefusal = (error: unknown): boolean =>
  sqlStateOf(error) === '42501' && error instanceof Error && error.message.includes('row-level security');

/** How a refusal by the server names the scope: the role's grants. */
const serverScope = async (database: Database): Promise<string> => {
  const rows = await database.query<{ role: string }>({ name: '', text: 'select current_user as role' }, []).catch(() => []);
  return `the organizations granted to role ${rows[0]?.role ?? 'of this connection'}`;
};

/**
 * The server's refusal as `OutOfScopeError`: `streamOf` names the stream
 * (for an import, the first of its streams outside the role's scope), or
 * undefined when the error is another.
 */
export const scopeRefusalOf = async (error: unknown, database: Database, streamOf: () => Promise<string>): Promise<OutOfScopeError | undefined> => {
  if (!isScopeRefusal(error)) return undefined;
  return new OutOfScopeError(await streamOf(), await serverScope(database), 'write');
};

/** The first of `streams` outside the scope of the connection's role (after a refused import, its transaction rolled back). */
export const firstStreamOutOfScope = async (database: Database, schema: string, streams: readonly string[]): Promise<string> => {
  const rows = await database
    .query<{ stream_id: string }>(
      {
        name: '',
        text:
          `select s.stream_id from unnest($1::text[]) with ordinality as s(stream_id, n) ` +
          `where coalesce(${schema}.organization_of_stream(s.stream_id) in (select ${schema}.scope_of(current_user)), false) = false ` +
          `order by s.n limit 1`,
      },
      [streams],
    )
    .catch(() => []);
  return rows[0]?.stream_id ?? streams[0] ?? '(none)';
};
