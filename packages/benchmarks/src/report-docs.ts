/**
 * What every benchmark report shares: the machine line, the verdict on a
 * target, running a benchmark script in its own process (so peak RSS is its
 * own), and writing a section of docs/benchmarks.md between its markers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const docs = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));

export const machine = (): string => {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const gib = (totalmem() / 1024 ** 3).toFixed(0);
  return `${cpu}, ${cpus().length} cores, ${gib} GiB RAM, Node ${process.version}, ${process.platform}`;
};

export const verdict = (ok: boolean, text: string): string => `${ok ? 'met' : 'MISSED'}: ${text}`;

/** Run a built benchmark script (beside this file) in a new Node process; its stdout is its JSON result. */
export const runScript = (script: string): string =>
  execFileSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(new URL(script, import.meta.url))], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });

export const writeSection = (name: string, body: string): void => {
  const text = readFileSync(docs, 'utf8');
  const begin = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/benchmarks.md has no ${begin} ... ${end} markers`);
  writeFileSync(docs, `${text.slice(0, from + begin.length)}\n${body}\n${text.slice(to)}`);
};

/** A benchmark as `pnpm bench` runs it: its script, what stderr says meanwhile, and its section's text from the script's JSON. */
export interface Benchmark {
  readonly name: string;
  readonly script: string;
  readonly about: string;
  readonly table: (json: string) => string;
}

/** The names after each `--only` (or in `--only=a,b`): only those run; none given, all do. */
export const onlyNames = (argv: readonly string[]): Set<string> | undefined => {
  const names = argv.flatMap((arg, i) => {
    if (arg.startsWith('--only=')) return arg.slice('--only='.length).split(',');
    return arg === '--only' && argv[i + 1] !== undefined ? (argv[i + 1] as string).split(',') : [];
  });
  return names.length === 0 ? undefined : new Set(names);
};

/**
 * Run each benchmark (or those `--only` names) in its own process, print its
 * section and, without `--no-write`, write it into docs/benchmarks.md.
 */
export const runBenchmarks = (benchmarks: readonly Benchmark[], argv: readonly string[]): void => {
  const write = !argv.includes('--no-write');
  const only = onlyNames(argv);
  const unknown = [...(only ?? [])].filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0) throw new Error(`--only: no benchmark ${unknown.join(', ')}; there are ${benchmarks.map((b) => b.name).join(', ')}`);
  for (const benchmark of benchmarks) {
    if (only !== undefined && !only.has(benchmark.name)) continue;
    process.stderr.write(`${benchmark.name}: ${benchmark.about}...\n`);
    const section = benchmark.table(runScript(benchmark.script));
    process.stdout.write(`\n## ${benchmark.name}\n\n${section}\n`);
    if (write) writeSection(benchmark.name, section);
  }
};
