/**
 * Only the PostgreSQL benchmarks, as `pnpm bench` runs them (each script in
 * its own process), writing their sections of docs/benchmarks.md:
 * `node packages/benchmarks/dist/postgres-run.js [--no-write]`.
 */
import { postgresBenchmarks } from './postgres-report.js';
import { runBenchmarks } from './report-docs.js';

runBenchmarks(postgresBenchmarks, process.argv.slice(2));
