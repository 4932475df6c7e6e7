import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsBlocks } from './markdown-blocks.js';

/**
 * The ```ts examples of the READMEs (the repository's, and each published
 * package's, which npm shows) are a user's code: each README's blocks, as one
 * module, type-check against the BUILT declarations, and those that need no
 * test runner and no ledger on disk run with node, printing what their
 * `console.log(...); // output` comments say. Needs `pnpm build` first.
 */
const root = resolve(import.meta.dirname, '../../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const readmes = [
  { path: 'README.md', runs: true },
  { path: 'packages/core/README.md', runs: true },
  { path: 'packages/postgres/README.md', runs: true },
  { path: 'packages/eventstoredb/README.md', runs: true },
  // Its examples are vitest suites: vitest runs them, not node.
  { path: 'packages/testing/README.md', runs: false },
  // Its example reports on a ledger file a reader has and the test does not.
  { path: 'packages/cli/README.md', runs: false },
] as const;

interface Example {
  readonly path: string;
  readonly runs: boolean;
  readonly file: string;
  readonly source: string;
  /** The README line of each line of `source`. */
  readonly lines: readonly number[];
}

const examples: Example[] = readmes.map(({ path, runs }, n) => {
  const blocks = tsBlocks(readFileSync(join(root, path), 'utf8'));
  const lines = blocks.flatMap((b) => b.code.split('\n').map((_, i) => b.line + i));
  return { path, runs, file: `readme-${n + 1}.mts`, source: `${blocks.map((b) => b.code).join('\n')}\nexport {};\n`, lines };
});

let app = '';

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'collective-ledger-readmes-'));
  mkdirSync(join(app, 'node_modules/@collective-ledger'), { recursive: true });
  mkdirSync(join(app, 'node_modules/@types'), { recursive: true });
  for (const pkg of ['core', 'postgres', 'eventstoredb', 'testing', 'cli']) symlinkSync(join(root, 'packages', pkg), join(app, 'node_modules/@collective-ledger', pkg), 'dir');
  symlinkSync(join(root, 'node_modules/@types/node'), join(app, 'node_modules/@types/node'), 'dir');
  symlinkSync(realpathSync(join(root, 'node_modules/vitest')), join(app, 'node_modules/vitest'), 'dir');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
  const compilerOptions = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noEmit: true, skipLibCheck: true, types: ['node'] };
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: examples.map((e) => e.file) }));
  for (const e of examples) writeFileSync(join(app, e.file), e.source);
});

afterAll(() => {
  if (app !== '') rmSync(app, { recursive: true, force: true });
});

/** `readme-2.mts(12,5)` → `packages/core/README.md:48`. */
const inReadme = (text: string): string =>
  text.replace(/(readme-\d+\.mts)\((\d+),\d+\)/g, (place, file: string, line: string) => {
    const e = examples.find((x) => x.file === file);
    const at = e?.lines[Number(line) - 1];
    return e === undefined || at === undefined ? place : `${e.path}:${at}`;
  });

/** What the example's `console.log(...); // output` comments say it prints. */
const promised = (source: string): string[] => [...source.matchAll(/^\s*console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1] ?? '');

describe('README examples', () => {
  it('has examples in every README that npm shows', () => {
    expect(examples.filter((e) => e.lines.length === 0).map((e) => e.path)).toEqual([]);
  });

  it('type-check against the built declarations', () => {
    let out = '';
    try {
      out = execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: app, encoding: 'utf8' });
    } catch (error) {
      out = (error as { stdout?: string }).stdout ?? String(error);
    }
    expect(inReadme(out).split('\n').filter((line) => line.trim() !== '')).toEqual([]);
  });

  it.each(examples.filter((e) => e.runs).map((e) => [e.path, e] as const))('%s runs and prints what it says', (_, e) => {
    const js = ts.transpileModule(e.source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
    const file = join(app, e.file.replace(/\.mts$/, '.mjs'));
    writeFileSync(file, js);
    const cwd = join(app, e.file.replace(/\.mts$/, ''));
    mkdirSync(cwd);
    const run = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) throw new Error(`${e.path}: ${run.stderr}`);
    expect(run.stdout.split('\n').slice(0, -1)).toEqual(promised(e.source));
  });
});

describe('the published packages', () => {
  it.each(['core', 'testing', 'postgres', 'eventstoredb', 'cli'])('%s packs its README, its licence, package.json and built files, no sources or tests', (pkg) => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(root, 'packages', pkg), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [packed] = JSON.parse(out) as { files: { path: string }[] }[];
    const files = packed?.files.map((f) => f.path) ?? [];
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(readFileSync(join(root, 'packages', pkg, 'LICENSE'), 'utf8')).toBe(readFileSync(join(root, 'LICENSE'), 'utf8'));
    expect(files).toContain('package.json');
    expect(files.filter((f) => !/^(README\.md|LICENSE|package\.json|dist\/[^/]+\.(js|cjs|d\.ts|d\.cts|map)|bin\/[^/]+\.js)$/.test(f))).toEqual([]);
  });
});
