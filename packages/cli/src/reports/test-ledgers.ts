import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLedger, type EventStore } from '@collective-ledger/core';
// The hand-worked books of docs/reports.md, built with core's services (a test helper of core's sources).
import { handWorkedBooks, reportsCatalog } from '../../../core/src/reports/test-statements.js';
import { minuteClock } from '../../../core/src/test-support/clock.js';
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

const ledgerText = async (store: EventStore): Promise<string> => {
  let text = '';
  for await (const line of writeLedger(store.readAll())) text += line;
  return text;
};

/**
 * The hand-worked books (2023 open) recorded on a clock a minute apart from
 * 2024-01-15T08:00Z: `signed`, as they stood when the statements were signed,
 * and `amended`, the same books with a voucher dated back to 2023-03-01
 * (v 记-6, 102 to 501, 999.00) recorded a minute after the last of them, at
 * `lateAt`. `signedEvents` is how many events `signed` holds (the last
 * position before the late voucher in a store the file is imported into).
 */
export const recordedLedgers = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-recorded-'));
  const books = await handWorkedBooks({ close: false, now: minuteClock() });
  const signedText = await ledgerText(books.store);
  await books.voucher('v', '记-6', '2023-03-01', [['102', 'debit', '999.00'], ['501', 'credit', '999.00']]);
  const amendedText = await ledgerText(books.store);
  const lateLine = JSON.parse(amendedText.trimEnd().split('\n').at(-1) ?? '{}') as { metadata?: { recordedAt?: string } };
  const signed = join(dir, 'signed.ndjson');
  const amended = join(dir, 'amended.ndjson');
  await writeFile(signed, signedText);
  await writeFile(amended, amendedText);
  return {
    dir,
    signed,
    amended,
    amendedText,
    signedEvents: signedText.trimEnd().split('\n').length,
    lateAt: lateLine.metadata?.recordedAt ?? '',
    remove: () => rm(dir, { recursive: true, force: true }),
  };
};

/** `report <name> --store <store> ...options`, expecting success; returns stdout. */
export const report = async (name: string, store: string, ...options: string[]): Promise<string> => {
  const run = await cli('report', name, '--store', store, ...options);
  if (run.code !== 0) throw new Error(`report ${name} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
};
