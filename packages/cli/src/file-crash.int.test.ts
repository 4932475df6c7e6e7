import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '@collective-ledger/core';
import { FileEventStore } from './file-store.js';

// An import into an NDJSON ledger file whose process is killed (SIGKILL: no
// cleanup, no finally) at each point where a crash leaves a different state,
// and at chosen moments of a real run: the next open rolls it back, or finds
// it committed whole, and the ledger works.
const child = fileURLToPath(new URL('../test/file-import-child.mjs', import.meta.url));
const IMPORTED = 12_000;
let dir = '';
let base = '';
let baseBytes = Buffer.alloc(0);

let counter = 0;
const event = (): NewEvent => {
  counter += 1;
  return {
    type: 'IncomeRecorded',
    data: { amount: '1.00' },
    metadata: { eventId: `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`, occurredOn: '2024-03-15', actor: '会计', schemaVersion: 1 },
  };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-file-crash-'));
  base = join(dir, 'base.ndjson');
  const store = await FileEventStore.open(base, { create: true });
  await store.append('s-1', [event(), event(), event()]);
  await store.close();
  baseBytes = await readFile(base);
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

/** Import into `path` in a child; with `killAfter`, SIGKILL it that long after its journal appears. */
const runChild = (path: string, options: { crashAt?: string; killAfter?: number } = {}): Promise<Exit> =>
  new Promise((resolve) => {
    const env = { ...process.env, ...(options.crashAt === undefined ? {} : { COLLECTIVE_LEDGER_CRASH_AT: options.crashAt }) };
    const importing = spawn(process.execPath, [child, path, String(IMPORTED)], { env });
    let [stdout, stderr] = ['', ''];
    importing.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    importing.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    importing.on('exit', (_, signal) => {
      resolve({ signal, stdout, stderr });
    });
    const { killAfter } = options;
    if (killAfter === undefined) return;
    void (async () => {
      while (!existsSync(`${path}.import`) && importing.exitCode === null) await sleep(2);
      await sleep(killAfter);
      importing.kill('SIGKILL');
    })();
  });

/** A copy of the base ledger to import into. */
const ledger = async (name: string): Promise<string> => {
  const path = join(dir, `${name}.ndjson`);
  await copyFile(base, path);
  return path;
};

/** Open the ledger again: its events, the warnings, and an append that works. */
const reopen = async (path: string): Promise<{ events: number; warnings: string[] }> => {
  const warnings: string[] = [];
  const store = await FileEventStore.open(path, { onWarning: (warning) => warnings.push(warning) });
  try {
    const events = store.size;
    await store.append('s-after', [event()]);
    return { events, warnings };
  } finally {
    await store.close();
  }
};

const leftovers = (path: string): string[] => ['.import', '.import.tmp', '.lock'].filter((suffix) => existsSync(`${path}${suffix}`));

describe('an import into a ledger file, killed at a crash point', () => {
  it('while its journal is a draft: the draft is removed, the ledger is as it was', async () => {
    const path = await ledger('draft');
    expect((await runChild(path, { crashAt: 'import-journal-draft' })).signal).toBe('SIGKILL');
    expect(leftovers(path)).toEqual(['.import.tmp', '.lock']);
    expect(await reopen(path)).toEqual({ events: 3, warnings: [] });
    expect(leftovers(path)).toEqual([]);
  });

  it('once its journal is written, before any event: the journal is cleared, the ledger is as it was', async () => {
    const path = await ledger('journal');
    expect((await runChild(path, { crashAt: 'import-journal-written' })).signal).toBe('SIGKILL');
    expect(leftovers(path)).toEqual(['.import', '.lock']);
    expect(await readFile(path)).toEqual(baseBytes);
    expect(await reopen(path)).toEqual({ events: 3, warnings: [] });
    expect(leftovers(path)).toEqual([]);
  });

  it.each(['import-part-written', 'import-synced'])('at %s, with events written after the end: they are cut off', async (point) => {
    const path = await ledger(point);
    expect((await runChild(path, { crashAt: point })).signal).toBe('SIGKILL');
    const written = (await readFile(path)).length - baseBytes.length;
    expect(written).toBeGreaterThan(0);
    expect(await reopen(path)).toEqual({ events: 3, warnings: [`${path}: rolled back an import that did not finish (${written} bytes removed)`] });
    expect((await readFile(path)).subarray(0, baseBytes.length)).toEqual(baseBytes);
    expect(leftovers(path)).toEqual([]);
  });
});

describe('an import into a ledger file, killed by kill -9 while it runs', () => {
  it.each([0, 20, 80, 250, 1500])('%i ms after its journal appeared: the ledger holds all of it or none, and works', { timeout: 60_000 }, async (killAfter) => {
    const path = await ledger(`killed-${killAfter}`);
    const exit = await runChild(path, { killAfter });
    expect(exit.stderr).toBe('');
    const { events, warnings } = await reopen(path);
    if (exit.signal === null) expect(exit.stdout).toBe('done');
    expect([3, 3 + IMPORTED]).toContain(events);
    if (events === 3 + IMPORTED) expect(warnings).toEqual([]);
    else expect(warnings.every((warning) => warning.startsWith(`${path}: rolled back an import that did not finish`))).toBe(true);
    expect(leftovers(path)).toEqual([]);
  });
});
