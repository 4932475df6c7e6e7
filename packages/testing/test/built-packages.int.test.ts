import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Import the BUILT packages the way a user's application does: from a separate
 * directory whose node_modules links to them, once with `import` and once with
 * `require`. Needs `pnpm build` first.
 */
const root = resolve(import.meta.dirname, '../../..');
const packages = {
  core: { dir: 'packages/core', name: '@collective-ledger/core', exports: ['Money', 'allocate', 'InMemoryEventStore', 'coreCatalog', 'handleCommand', 'runProjection'] },
  testing: { dir: 'packages/testing', name: '@collective-ledger/testing', exports: ['describeEventStoreContract', 'specFor'] },
  cli: { dir: 'packages/cli', name: '@collective-ledger/cli', exports: ['runCli'] },
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
  it('loads with import', () => {
    const script = `import * as m from '${name}'; console.log(JSON.stringify(${JSON.stringify(exports)}.map((k) => typeof m[k])));`;
    expect(JSON.parse(run(['--input-type=module', '-e', script]))).toEqual(exports.map(() => 'function'));
  });

  it('loads with require', () => {
    const script = `const m = require('${name}'); console.log(JSON.stringify(${JSON.stringify(exports)}.map((k) => typeof m[k])));`;
    expect(JSON.parse(run(['-e', script]))).toEqual(exports.map(() => 'function'));
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

describe('built cli', () => {
  it('runs as the collective-ledger command', () => {
    const out = run([join(root, 'packages/cli/dist/bin.js'), '--help']);
    expect(out).toContain('collective-ledger');
    expect(out).toContain('import');
  });
});
