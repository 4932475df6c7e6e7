import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLedger } from '@collective-ledger/core';
// The hand-worked books of docs/reports.md, built with core's services (a test helper of core's sources).
import { handWorkedBooks, reportsCatalog } from '../../../core/src/reports/test-statements.js';
import { runCli } from '../cli.js';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the program in-process with the catalog the hand-worked books were written with. */
export const cli = async (...argv: string[]): Promise<Run> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    catalog: reportsCatalog,
    env: {},
  });
  return { code, stdout, stderr };
};

/**
 * Ledger files of the hand-worked books in a temporary directory: `open`
 * (2023 not closed) and `closed` (2023 closed for both villages). Call
 * `remove` when done.
 */
export const statementLedgers = async (): Promise<{ open: string; closed: string; remove: () => Promise<void> }> => {
  const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-statements-'));
  const write = async (close: boolean): Promise<string> => {
    const books = await handWorkedBooks({ close });
    let text = '';
    for await (const line of writeLedger(books.store.readAll())) text += line;
    const path = join(dir, close ? 'closed.ndjson' : 'open.ndjson');
    await writeFile(path, text);
    return path;
  };
  return { open: await write(false), closed: await write(true), remove: () => rm(dir, { recursive: true, force: true }) };
};

/** `report <name> --store <store> ...options`, expecting success; returns stdout. */
export const report = async (name: string, store: string, ...options: string[]): Promise<string> => {
  const run = await cli('report', name, '--store', store, ...options);
  if (run.code !== 0) throw new Error(`report ${name} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
};
