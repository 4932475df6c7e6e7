import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamWrite } from '@collective-ledger/core';
import { newEvent } from '@collective-ledger/testing';
import { PgDatabase } from './pg-database.js';
import { eventStatements } from './sql/statements.js';
import { PostgresEventStore } from './store.js';
import { dropSchema, freshSchema, serverUrl, withClient } from './test-support.js';

// The plans the server chooses for the reads that must not scan: the last
// event of a stream (the stream index, backward, one row) and the events of a
// command id (its index). Both with the values bound (a custom plan) and
// without (the generic plan a prepared statement settles on after five runs).
const schema = freshSchema('plans');
const STREAMS = 200;
const PER_STREAM = 100;

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly 'Scan Direction'?: string;
  readonly 'Actual Rows'?: number;
  readonly Plans?: readonly PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** The plan of a store statement prepared as the driver prepares it, run with `args` (SQL literals). */
const planOf = (text: string, types: string, args: string, mode: 'force_custom_plan' | 'force_generic_plan') =>
  withClient(async (client) => {
    await client.query(`set plan_cache_mode = ${mode}`);
    await client.query(`prepare planned (${types}) as ${text}`);
    const result = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (analyze, format json) execute planned (${args})`);
    return nodesOf(result.rows[0]?.['QUERY PLAN'][0].Plan ?? { 'Node Type': 'none' });
  });

async function* writes(): AsyncIterable<StreamWrite> {
  for (let s = 0; s < STREAMS; s += 1) {
    const events = Array.from({ length: PER_STREAM }, (_, i) => newEvent('ThingHappened', { i }, { commandId: `cmd-${s}-${i >> 1}` }));
    yield { streamId: `ledger-plan${s}-2024`, events };
  }
}

beforeAll(async () => {
  const store = await PostgresEventStore.open(new PgDatabase({ url: serverUrl }), { schema });
  await store.importAll(writes());
  await store.close();
  await withClient((client) => client.query(`analyze ${schema}.events`));
});

afterAll(async () => {
  await dropSchema(schema);
});

describe.each(['force_custom_plan', 'force_generic_plan'] as const)('query plans (%s)', (mode) => {
  const sql = eventStatements(schema);

  it('reads the last event of a stream by the stream index, backward, one row', async () => {
    const nodes = await planOf(sql.readStreamBackward.text, 'text, bigint, integer', `'ledger-plan77-2024', 9223372036854775807, 1`, mode);
    const scan = nodes.find((node) => node['Node Type'] === 'Index Scan');
    expect(scan?.['Index Name']).toBe('events_stream_position_key');
    expect(scan?.['Scan Direction']).toBe('Backward');
    expect(scan?.['Actual Rows']).toBe(1);
    expect(nodes.map((node) => node['Node Type'])).not.toContain('Seq Scan');
    expect(nodes.map((node) => node['Node Type'])).not.toContain('Sort');
  });

  it('finds the events of a command id by its index', async () => {
    const nodes = await planOf(sql.readCommand.text, 'text', `'cmd-77-3'`, mode);
    expect(nodes.map((node) => node['Index Name'])).toContain('events_command_id_idx');
    expect(nodes.map((node) => node['Node Type'])).not.toContain('Seq Scan');
  });
});
