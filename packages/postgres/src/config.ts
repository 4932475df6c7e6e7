/** The server the tests, the benchmark and `--store postgres://` default to. */
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The schema the event store lives in unless told otherwise. */
export const DEFAULT_SCHEMA = 'collective_ledger';

type Env = Readonly<Record<string, string | undefined>>;

/** `COLLECTIVE_LEDGER_PG_URL`, or the local default. */
export const postgresUrlFrom = (env: Env = process.env): string => {
  const url = env['COLLECTIVE_LEDGER_PG_URL'];
  return url === undefined || url.trim() === '' ? DEFAULT_PG_URL : url.trim();
};

/** `COLLECTIVE_LEDGER_PG_SCHEMA`, or `collective_ledger`. */
export const schemaFrom = (env: Env = process.env): string => {
  const schema = env['COLLECTIVE_LEDGER_PG_SCHEMA'];
  return schema === undefined || schema.trim() === '' ? DEFAULT_SCHEMA : schema.trim();
};

/** A connection URL fit for an error message: the password, if any, replaced by `***`. */
export const redactUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL we can parse: say nothing of its content beyond the scheme.
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A schema name checked to be a plain lower-case identifier, so it can be written into SQL unquoted. */
export const checkedSchema = (schema: string): string => {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`schema: expected a lower-case SQL identifier (letters, digits, _; at most 63), got ${JSON.stringify(schema)}`);
  }
  return schema;
};
