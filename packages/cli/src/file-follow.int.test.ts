import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// One process follows a ledger file (a read-only store and subscribe) while
// another appends to it through the CLI: every event reaches the follower
// once, in the file's order, each append soon after it is made (fs.watch
// wakes the follower; its poll is set far longer than any delivery here).
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const child = fileURLToPath(new URL('../test/file-follow-child.mjs', import.meta.url));
const POLL_MS = 15_000;
const IMPORTS = 4;
const PER_IMPORT = 3;

let dir = '';
let store = '';

const cli = (...args: string[]): Promise<{ code: number; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], (error, _stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stderr });
    });
  });

let n = 0;
const registration = (id: string, kind: string, parentId?: string): string => {
  n += 1;
  return `${JSON.stringify({
    streamId: `organization-${id}`,
    type: 'OrganizationRegistered',
    data: { organizationId: id, kind, code: `1101${String(n).padStart(4, '0')}`, name: `第${n}村`, ...(parentId === undefined ? {} : { parentId }) },
    metadata: { eventId: `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`, occurredOn: '2024-01-02', actor: '会计', schemaVersion: 1 },
  })}\n`;
};

const importText = async (text: string): Promise<void> => {
  const file = join(dir, `import-${n}.ndjson`);
  await writeFile(file, text);
  const result = await cli('import', file, '--store', store);
  expect(result).toEqual({ code: 0, stderr: '' });
};

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` before the int tests`);
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-follow-'));
  store = join(dir, 'ledger.ndjson');
  await importText(registration('d01', 'district') + registration('t01', 'township', 'd01'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Seen {
  readonly position?: string;
  readonly id?: string;
  readonly caughtUp?: string;
  readonly at: number;
}

describe('a follower in one process, the CLI appending in another', () => {
  it('hands every event to the follower once, in order, each import soon after it is made', { timeout: 120_000 }, async () => {
    const total = 2 + IMPORTS * PER_IMPORT;
    const follower = spawn(process.execPath, [child, store, String(total), String(POLL_MS)]);
    const seen: Seen[] = [];
    let stderr = '';
    let pending = '';
    const waiters = new Set<() => void>();
    follower.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) seen.push(JSON.parse(line) as Seen);
      for (const wake of [...waiters]) wake();
    });
    follower.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => follower.on('exit', resolve));
    const until = (done: () => boolean): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => {
          if (!done()) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });
    const events = (): Seen[] => seen.filter((s) => s.id !== undefined);

    await until(() => seen.some((s) => s.caughtUp !== undefined));
    const latencies: number[] = [];
    for (let i = 0; i < IMPORTS; i += 1) {
      const text = Array.from({ length: PER_IMPORT }, (_, k) => registration(`v${i}${k}`, 'village', 't01')).join('');
      await importText(text);
      const imported = Date.now();
      const wanted = 2 + (i + 1) * PER_IMPORT;
      await until(() => events().length >= wanted);
      latencies.push((events()[wanted - 1]?.at ?? Infinity) - imported);
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');

    const lines = (await readFile(store, 'utf8')).trimEnd().split('\n');
    const inFile = lines.map((line, i) => ({ position: String(i + 1), id: (JSON.parse(line) as { metadata: { eventId: string } }).metadata.eventId }));
    expect(events().map(({ position, id }) => ({ position, id }))).toEqual(inFile);
    // Woken by the file's change, not by the poll: each import arrived well before a poll would have looked.
    for (const latency of latencies) expect(latency).toBeLessThan(POLL_MS / 2);
  });
});
