import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilePersonalDataKeys } from './file-keys.js';

const run = promisify(execFile);
const built = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js');
const KEYS_PER_PROCESS = 40;

/** A child process that makes keys `member/v/<prefix><i>` one by one in the key file. */
const writer = (path: string, prefix: string): Promise<unknown> =>
  run(process.execPath, [
    '--input-type=module',
    '-e',
    `const { FilePersonalDataKeys } = await import(${JSON.stringify(built)});
     const keys = await FilePersonalDataKeys.open(${JSON.stringify(path)});
     for (let i = 0; i < ${KEYS_PER_PROCESS}; i += 1) await keys.getOrCreate('member/v/${prefix}' + i);`,
  ]);

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('one key file written by several processes at once', () => {
  it('keeps every key each process made, and leaves no lock or temporary file', async () => {
    const path = join(dir, 'ledger.ndjson.keys');
    await Promise.all([writer(path, 'a'), writer(path, 'b'), writer(path, 'c')]);
    const keys = await FilePersonalDataKeys.open(path);
    const ids = ['a', 'b', 'c'].flatMap((prefix) => Array.from({ length: KEYS_PER_PROCESS }, (_, i) => `member/v/${prefix}${i}`));
    expect((await keys.readMany(ids)).size).toBe(ids.length);
    expect(await readdir(dir)).toEqual(['ledger.ndjson.keys']);
  }, 60_000);
});
