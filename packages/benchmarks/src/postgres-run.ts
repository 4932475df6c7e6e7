/**
 * Only the PostgreSQL benchmarks, as `pnpm bench` runs them (each script in
 * its own process), writing their sections of docs/benchmarks.md:
 * `node packages/benchmarks/dist/postgres-run.js [--no-write]`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runPostgresBenchmarks } from './postgres-report.js';

const runScript = (script: string): string =>
  execFileSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(new URL(script, import.meta.url))], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });

runPostgresBenchmarks(runScript, !process.argv.includes('--no-write'));
