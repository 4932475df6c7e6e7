/**
 * Only the PostgreSQL benchmarks, as `pnpm bench` runs them (each script in
 * its own process), writing their sections of docs/benchmarks.md:
 * `node packages/benchmarks/dist/postgres-run.js [--no-write]`.
 */
import { runPostgresBenchmarks } from './postgres-report.js';
import { runScript } from './report-docs.js';

runPostgresBenchmarks(runScript, !process.argv.includes('--no-write'));
