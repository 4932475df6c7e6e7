import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, recordedLedgers } from './reports/test-ledgers.js';

let ledgers: Awaited<ReturnType<typeof recordedLedgers>>;
let n = 0;

beforeAll(async () => {
  ledgers = await recordedLedgers();
});

afterAll(() => ledgers.remove());

const exported = async (...filters: string[]): Promise<string> => (await cli('export', '--store', ledgers.amended, ...filters)).stdout;

/** `text` as a file, and a store path beside it that does not exist yet. */
const files = async (text: string): Promise<{ source: string; store: string }> => {
  n += 1;
  const source = join(ledgers.dir, `village-import-${n}.ndjson`);
  await writeFile(source, text);
  return { source, store: join(ledgers.dir, `village-store-${n}.ndjson`) };
};

/** The 1-based line of `text` that holds the first event of `streamId`. */
const lineOf = (text: string, streamId: string): number => text.split('\n').findIndex((line) => line.includes(`"streamId":"${streamId}"`)) + 1;

describe('import --village', () => {
  it('imports the export of the village, its township’s and district’s registrations with it', async () => {
    const text = await exported('--village', 'v');
    const { source, store } = await files(text);
    const result = await cli('import', source, '--store', store, '--village', 'v');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await cli('export', '--store', store)).stdout).toBe(text);
  });

  it('refuses a ledger that touches another village, naming the line, the stream and the village, and writes nothing', async () => {
    const text = await exported('--village', 'w');
    const { source, store } = await files(text);
    const result = await cli('import', source, '--store', store, '--village', 'v');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `line ${lineOf(text, 'organization-w')}: organization-w: OUT_OF_SCOPE: the stream belongs to organization w, outside the scope of organization v`,
    );
    expect(result.stderr).toContain(`line ${lineOf(text, 'ledger-w-2023')}: ledger-w-2023: OUT_OF_SCOPE: the stream belongs to organization w, outside the scope of organization v`);
    expect(result.stderr).toContain('organization-t2: OUT_OF_SCOPE: the stream belongs to organization t2');
    // Neither the store nor the file registers v, so nothing shows the district to be above it.
    expect(result.stderr).toContain('line 1: organization-d: OUT_OF_SCOPE: the stream belongs to organization d');
    expect(existsSync(store) ? await readFile(store, 'utf8') : '').toBe('');
  });

  it('refuses the whole district’s ledger, and a line of the village’s stream whose data names another village', async () => {
    const whole = await readFile(ledgers.amended, 'utf8');
    const { source, store } = await files(whole);
    const result = await cli('import', source, '--store', store, '--village', 'v');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ledger-w-2023: OUT_OF_SCOPE');
    const village = await exported('--village', 'v');
    const lines = village.trimEnd().split('\n');
    const at = lines.findIndex((line) => line.includes('"streamId":"ledger-v-2023"'));
    lines[at] = (lines[at] ?? '').replace('"organizationId":"v"', '"organizationId":"w"');
    const forged = await files(`${lines.join('\n')}\n`);
    const refused = await cli('import', forged.source, '--store', forged.store, '--village', 'v');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`line ${at + 1}: ledger-v-2023: OUT_OF_SCOPE: the event names organization w, outside the scope of organization v`);
  });

  it('refuses an empty village id', async () => {
    const { source, store } = await files('');
    const result = await cli('import', source, '--store', store, '--village', '');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--village needs an organization id');
  });
});
