import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Source from '../src/index.js';
import { dropSchema, freshSchema, serverUrl } from '../src/test-support.js';

// The built output, as an application loads it: ESM by import, CommonJS by require.
const esm = new URL('../dist/index.js', import.meta.url);
const cjs = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));
const schema = freshSchema('built');

afterAll(async () => {
  await dropSchema(schema);
});

describe('the built @collective-ledger/postgres', () => {
  it('exports the stores and the runner from ESM and CommonJS alike', async () => {
    if (!existsSync(cjs)) throw new Error(`${cjs} is missing: run \`pnpm build\` before the int tests`);
    const fromEsm = (await import(esm.href)) as Record<string, unknown>;
    const fromCjs = createRequire(import.meta.url)(cjs) as Record<string, unknown>;
    for (const name of ['openPostgresStore', 'openPgliteStore', 'PostgresEventStore', 'runDurableProjection', 'migrate']) {
      expect(typeof fromEsm[name], name).toBe('function');
      expect(typeof fromCjs[name], name).toBe('function');
    }
  });

  it('appends and reads back through the built ESM on the server', async () => {
    const { openPostgresStore } = (await import(esm.href)) as typeof Source;
    const store = await openPostgresStore({ url: serverUrl, schema });
    try {
      const event = { type: 'VoucherPosted', data: { amount: '12.50' }, metadata: { eventId: crypto.randomUUID(), occurredOn: '2024-01-02', actor: '会计', schemaVersion: 1 } };
      const result = await store.append('ledger-built-2024', [event], { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(0n);
      const read = [];
      for await (const e of store.readStream('ledger-built-2024')) read.push(e);
      expect(read.map((e) => e.data)).toEqual([{ amount: '12.50' }]);
    } finally {
      await store.close();
    }
  });
});
