import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsBlocks, type Block } from './markdown-blocks.js';

/**
 * docs/guide.md runs. Its ```ts blocks, in order, are one ES module of a
 * user's application: it is type-checked against the BUILT declarations and
 * run with node against the built packages, from a separate directory whose
 * node_modules links to them. The blocks `assert` the figures the guide
 * shows, so a figure the code does not compute fails here, naming its block.
 * Needs `pnpm build` first.
 */
const root = resolve(import.meta.dirname, '../../..');
const guidePath = join(root, 'docs/guide.md');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const cli = join(root, 'packages/cli/bin/collective-ledger.js');

const where = (block: Block, offset = 0): string => `block ${block.index} (docs/guide.md:${block.line + offset})`;

/**
 * The blocks as one module. Before each block a line records which block
 * runs, so a failure can name it; `lineOf` maps a line of the module back
 * to its block and line.
 */
const moduleOf = (blocks: readonly Block[]) => {
  const out: string[] = [];
  const origin: (readonly [Block, number] | undefined)[] = [];
  for (const block of blocks) {
    out.push(`(globalThis as { guideBlock?: number }).guideBlock = ${block.index};`);
    origin.push(undefined);
    block.code.split('\n').forEach((text, i) => {
      out.push(text);
      origin.push([block, i]);
    });
  }
  const lineOf = (line: number): string => {
    const at = origin[line - 1];
    return at === undefined ? `guide.mts line ${line}` : where(...at);
  };
  /** A stack's places in the module, as lines of the guide. */
  const inGuide = (stack: string): string =>
    stack.replace(/[^\s()]*guide\.mts:(\d+):\d+/g, (place, n: string) => {
      const at = origin[Number(n) - 1];
      return at === undefined ? place : `docs/guide.md:${at[0].line + at[1]}`;
    });
  return { source: `${out.join('\n')}\nexport {};\n`, lineOf, inGuide };
};

const compilerOptions = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
};

/** Catches what the guide throws and says which block threw it; the exit code says it failed. */
const runner = `try {
  await import('./guide.mjs');
} catch (error) {
  process.stderr.write(JSON.stringify({ block: globalThis.guideBlock, error: error instanceof Error ? error.stack ?? error.message : String(error) }));
  process.exitCode = 1;
}
`;

let app = '';
let blocks: Block[] = [];

beforeAll(() => {
  for (const pkg of ['core', 'postgres', 'cli']) {
    if (!existsSync(join(root, `packages/${pkg}/dist/index.d.ts`))) throw new Error(`packages/${pkg}/dist is missing: run \`pnpm build\` first`);
  }
  blocks = tsBlocks(readFileSync(guidePath, 'utf8'));
  app = mkdtempSync(join(tmpdir(), 'collective-ledger-guide-'));
  mkdirSync(join(app, 'node_modules/@collective-ledger'), { recursive: true });
  mkdirSync(join(app, 'node_modules/@types'), { recursive: true });
  for (const pkg of ['core', 'postgres']) symlinkSync(join(root, 'packages', pkg), join(app, 'node_modules/@collective-ledger', pkg), 'dir');
  symlinkSync(join(root, 'node_modules/@types/node'), join(app, 'node_modules/@types/node'), 'dir');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['guide.mts'] }));
  writeFileSync(join(app, 'run.mjs'), runner);
});

afterAll(() => {
  if (app !== '') rmSync(app, { recursive: true, force: true });
});

/** tsc's errors, each with the block and the line of the guide it is on. */
const typeErrors = (source: string, lineOf: (line: number) => string): string[] => {
  writeFileSync(join(app, 'guide.mts'), source);
  let out = '';
  try {
    out = execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: app, encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout?: string }).stdout ?? String(error);
  }
  return out
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/^guide\.mts\((\d+),\d+\)/, (_, n: string) => lineOf(Number(n))));
};

interface Run {
  readonly ok: boolean;
  readonly stdout: string;
  /** The block that failed and why, or ''. */
  readonly failure: string;
}

/**
 * Transpile the module (with a source map, so a stack names lines of the
 * guide) and run it with node in a fresh directory of the app: the guide's
 * PGlite books go there.
 */
const runGuide = ({ source, inGuide }: ReturnType<typeof moduleOf>, cwd: string): Run => {
  const options = { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, inlineSourceMap: true, inlineSources: true };
  writeFileSync(join(app, 'guide.mjs'), ts.transpileModule(source, { compilerOptions: options, fileName: join(app, 'guide.mts') }).outputText);
  mkdirSync(cwd, { recursive: true });
  const run = spawnSync(process.execPath, ['--enable-source-maps', join(app, 'run.mjs')], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (run.status === 0) return { ok: true, stdout: run.stdout, failure: '' };
  let failure = run.stderr;
  try {
    const { block, error } = JSON.parse(run.stderr) as { block?: number; error: string };
    const failed = blocks.find((b) => b.index === block);
    failure = `${failed === undefined ? 'before the first block' : where(failed)} failed: ${inGuide(error)}`;
  } catch {
    // Not the runner's report (node itself failed): show stderr as it is.
  }
  return { ok: false, stdout: run.stdout, failure };
};

describe('docs/guide.md', () => {
  it('has its code in ```ts blocks that import only the published packages and node built-ins', () => {
    expect(blocks.length).toBeGreaterThan(5);
    const imports = blocks.flatMap((b) => [...b.code.matchAll(/from '([^']+)'/g)].map((m) => m[1]));
    expect(imports.filter((name) => !/^(@collective-ledger\/(core|postgres)|node:[a-z/]+)$/.test(name ?? ''))).toEqual([]);
  });

  it('type-checks, block by block, against the built declarations', () => {
    const { source, lineOf } = moduleOf(blocks);
    expect(typeErrors(source, lineOf)).toEqual([]);
  });

  it('runs: every figure it asserts is what the code computes, and its JSON is what the CLI prints', () => {
    const cwd = join(app, 'run');
    const run = runGuide(moduleOf(blocks), cwd);
    if (!run.ok) throw new Error(run.failure);
    // The guide prints one report from its PGlite books; the command line prints the same bytes from them.
    const printed = execFileSync(process.execPath, [cli, 'report', 'dividends', '--store', 'books', '--village', 'ljz', '--year', '2024', '--format', 'json'], { cwd, encoding: 'utf8' });
    expect(run.stdout).toBe(printed);
  });

  it('fails, naming the block and the line, when a figure it asserts is wrong', () => {
    const figure = /^(.*assert.*'\d+\.\d)(\d)('.*)$/;
    const target = blocks.find((b) => b.code.split('\n').some((line) => figure.test(line)));
    if (target === undefined) throw new Error('the guide asserts no money figure on one line');
    const lines = target.code.split('\n');
    const at = lines.findIndex((line) => figure.test(line));
    // The figure's last digit, changed: 1583.33 becomes 1583.34.
    lines[at] = (lines[at] ?? '').replace(figure, (_, head: string, last: string, tail: string) => `${head}${(Number(last) + 1) % 10}${tail}`);
    const wrong = blocks.map((b) => (b === target ? { ...b, code: lines.join('\n') } : b));
    const run = runGuide(moduleOf(wrong), join(app, 'wrong'));
    expect(run.ok).toBe(false);
    expect(run.failure).toMatch(new RegExp(`^block ${target.index} \\(docs/guide\\.md:${target.line}\\) failed: AssertionError`));
    expect(run.failure).toContain(`docs/guide.md:${target.line + at}`);
  });
});
