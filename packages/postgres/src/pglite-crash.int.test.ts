import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, newEvents } from '@collective-ledger/testing';
import { openPgliteStore } from './open.js';
import { NotAPgliteDirectoryError } from './pglite-directory.js';

// A PGlite directory whose creating process is killed (SIGKILL: no cleanup)
// is either absent or a whole database, and the next open works.
const child = fileURLToPath(new URL('../test/pglite-create-child.mjs', import.meta.url));
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-pglite-crash-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Exit {
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the child on `directory`; with `killAfter`, SIGKILL it that long after its temporary sibling appears. */
const runChild = (directory: string, options: { crashAt?: string; killAfter?: number } = {}): Promise<Exit> =>
  new Promise((resolve) => {
    const env = { ...process.env, ...(options.crashAt === undefined ? {} : { COLLECTIVE_LEDGER_CRASH_AT: options.crashAt }) };
    const process_ = spawn(process.execPath, [child, directory], { env });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process_.on('exit', (_, signal) => {
      resolve({ signal, stdout, stderr });
    });
    const { killAfter } = options;
    if (killAfter !== undefined) {
      void (async () => {
        while (!(await siblingsOf(directory)).some((name) => name.includes('.creating-'))) await sleep(20);
        await sleep(killAfter);
        process_.kill('SIGKILL');
      })();
    }
  });

const siblingsOf = async (directory: string): Promise<string[]> => (await readdir(dir)).filter((name) => name.startsWith(`.${directory.split('/').at(-1) ?? ''}.`));

/** What a crash left: no directory, or one that holds a database. */
const stateOf = async (directory: string): Promise<'absent' | 'database' | 'half-made'> => {
  if (!existsSync(directory)) return 'absent';
  return (await readdir(directory)).includes('PG_VERSION') ? 'database' : 'half-made';
};

/** Open the store again, in this process: it works, and nothing of the crash is left beside it. */
const expectUsable = async (directory: string): Promise<void> => {
  const store = await openPgliteStore(directory);
  try {
    await store.append('ledger-after', newEvents(2));
    expect(await collect(store.readStream('ledger-after'))).toHaveLength(2);
  } finally {
    await store.close();
  }
  expect(await siblingsOf(directory)).toEqual([]);
};

describe('a PGlite directory whose creating process is killed', () => {
  it('after the database was made, before it was renamed into place: nothing is there, and the leftover is removed', { timeout: 120_000 }, async () => {
    const directory = join(dir, 'made');
    const exit = await runChild(directory, { crashAt: 'pglite-made' });
    expect(exit.signal).toBe('SIGKILL');
    expect(await stateOf(directory)).toBe('absent');
    expect(await siblingsOf(directory)).toHaveLength(1);
    await expectUsable(directory);
  });

  it('just after it was renamed into place: the database is whole', { timeout: 120_000 }, async () => {
    const directory = join(dir, 'placed');
    const exit = await runChild(directory, { crashAt: 'pglite-placed' });
    expect(exit.signal).toBe('SIGKILL');
    expect(await stateOf(directory)).toBe('database');
    await expectUsable(directory);
  });

  it.each([0, 400, 1500, 3000])('by kill -9 %i ms into its creation: no directory or a whole database, and the next open works', { timeout: 120_000 }, async (killAfter) => {
    const directory = join(dir, `killed-${killAfter}`);
    const exit = await runChild(directory, { killAfter });
    expect(exit.stderr).toBe('');
    if (exit.signal === null) expect(exit.stdout).toBe('done');
    expect(['absent', 'database']).toContain(await stateOf(directory));
    await expectUsable(directory);
  });

  it('a directory of something else is refused, naming it, and left as it is', async () => {
    const directory = await mkdtemp(join(dir, 'foreign-'));
    await writeFile(join(directory, 'notes.txt'), 'not a database');
    const error = await openPgliteStore(directory).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotAPgliteDirectoryError);
    expect((error as Error).message).toBe(`${directory} is a directory but not a PGlite database (no PG_VERSION in it); give an empty or new directory`);
    expect(await readdir(directory)).toEqual(['notes.txt']);
  });

  it('an empty directory given is filled whole', { timeout: 120_000 }, async () => {
    const directory = await mkdtemp(join(dir, 'empty-'));
    const exit = await runChild(directory);
    expect(exit).toEqual({ signal: null, stdout: 'done', stderr: '' });
    expect(await stateOf(directory)).toBe('database');
  });
});
