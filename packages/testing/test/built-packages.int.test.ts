import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Import the BUILT packages the way a user's application does: from a separate
 * directory whose node_modules links to them, once with `import` and once with
 * `require`. Needs `pnpm build` first.
 */
const root = resolve(import.meta.dirname, '../../..');
/** Each package, and a few of its exports with the `typeof` a user gets. */
const packages = {
  core: {
    dir: 'packages/core',
    name: '@collective-ledger/core',
    exports: { Money: 'function', allocate: 'function', InMemoryEventStore: 'function', coreCatalog: 'object', handleCommand: 'function', runProjection: 'function', organization: 'object' },
  },
  testing: {
    dir: 'packages/testing',
    name: '@collective-ledger/testing',
    exports: { describeEventStoreContract: 'function', specFor: 'function', newEvent: 'function' },
  },
  eventstoredb: {
    dir: 'packages/eventstoredb',
    name: '@collective-ledger/eventstoredb',
    exports: { EventStoreDbStore: 'function', followAll: 'function', MemoryCheckpoints: 'function', EventStoreDbUnreachableError: 'function' },
  },
  cli: { dir: 'packages/cli', name: '@collective-ledger/cli', exports: { runCli: 'function', FileEventStore: 'function' } },
} as const;

let app = '';

beforeAll(() => {
  for (const { dir } of Object.values(packages)) {
    if (!existsSync(join(root, dir, 'dist/index.js')) || !existsSync(join(root, dir, 'dist/index.cjs'))) {
      throw new Error(`${dir}/dist is missing: run \`pnpm build\` before the integration tests`);
    }
  }
  app = mkdtempSync(join(tmpdir(), 'collective-ledger-user-'));
  mkdirSync(join(app, 'node_modules/@collective-ledger'), { recursive: true });
  for (const { dir, name } of Object.values(packages)) symlinkSync(join(root, dir), join(app, 'node_modules', name), 'dir');
});

afterAll(() => {
  if (app !== '') rmSync(app, { recursive: true, force: true });
});

const run = (args: string[]): string => execFileSync(process.execPath, args, { cwd: app, encoding: 'utf8' });

describe.each(Object.values(packages))('built $name', ({ name, exports }) => {
  const names = JSON.stringify(Object.keys(exports));
  const report = `console.log(JSON.stringify(Object.fromEntries(${names}.map((k) => [k, typeof m[k]]))))`;

  it('loads with import', () => {
    expect(JSON.parse(run(['--input-type=module', '-e', `import * as m from '${name}'; ${report}`]))).toEqual(exports);
  });

  it('loads with require', () => {
    expect(JSON.parse(run(['-e', `const m = require('${name}'); ${report}`]))).toEqual(exports);
  });
});

describe('built protocol fake', () => {
  it('loads from its own entry with import and require, and serves a client', () => {
    const script = (load: string) => `${load}
      const fake = await ProtocolFake.start();
      const { EventStoreDbStore } = await import('@collective-ledger/eventstoredb');
      const store = EventStoreDbStore.connect(fake.url);
      const result = await store.append('s-1', [{ type: 'Checked', data: {}, metadata: { eventId: '00000000-0000-4000-8000-000000000001', occurredOn: '2024-01-01', actor: 'a', schemaVersion: 1 } }]);
      console.log(String(result.nextExpectedRevision));
      await store.close();
      await fake.stop();`;
    expect(run(['--input-type=module', '-e', script(`import { ProtocolFake } from '@collective-ledger/testing/protocol-fake';`)])).toBe('0\n');
    const viaRequire = `(async () => { ${script(`const { ProtocolFake } = require('@collective-ledger/testing/protocol-fake');`)} })()`;
    expect(run(['-e', viaRequire])).toBe('0\n');
  });
});

describe('built core computes', () => {
  it('allocates to the fen through require and import alike', () => {
    const body = `console.log(m.allocate(m.Money.of('100.00'), ['1', '1', '1']).map(String).join(' '))`;
    const viaImport = run(['--input-type=module', '-e', `import * as m from '@collective-ledger/core'; ${body}`]);
    const viaRequire = run(['-e', `const m = require('@collective-ledger/core'); ${body}`]);
    expect(viaImport).toBe('33.34 33.33 33.33\n');
    expect(viaRequire).toBe(viaImport);
  });
});

describe('built testing package', () => {
  it('builds fixtures under require, and a suite there explains that vitest needs import', () => {
    const script = `const m = require('@collective-ledger/testing');
      console.log(m.newEvent('Checked').type);
      try { m.describeEventStoreContract('x', () => undefined); } catch (e) { console.log(e.message.split('\\n')[0]); }`;
    expect(run(['-e', script]).split('\n')).toEqual([
      'Checked',
      'Vitest cannot be imported in a CommonJS module using require(). Please use "import" instead.',
      '',
    ]);
  });
});

describe('built cli', () => {
  it('runs as the collective-ledger command, through the launcher package.json names as its bin', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')) as { bin: Record<string, string> };
    const launcher = manifest.bin['collective-ledger'];
    expect(launcher).toBe('./bin/collective-ledger.js');
    const out = run([join(root, 'packages/cli', launcher ?? ''), '--help']);
    expect(out).toContain('collective-ledger');
    expect(out).toContain('import');
  });
});
