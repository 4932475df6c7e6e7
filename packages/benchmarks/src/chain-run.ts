/**
 * Only the chain benchmark, as `pnpm bench` runs it (in its own process),
 * writing its section of docs/benchmarks.md:
 * `node packages/benchmarks/dist/chain-run.js [--no-write]`.
 */
import { runChainBenchmark } from './chain-report.js';
import { runScript } from './report-docs.js';

runChainBenchmark(runScript, !process.argv.includes('--no-write'));
