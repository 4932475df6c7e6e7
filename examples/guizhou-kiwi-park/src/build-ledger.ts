/**
 * Build the Guizhou kiwi-park example ledger through the public API and write
 * it as an NDJSON ledger file:
 *
 *   node dist/build-ledger.js out/ledger.ndjson
 *   collective-ledger report household-income --store out/ledger.ndjson --village dahong --year 2018
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildCountyBooks, ledgerText } from './books.js';

const main = async (): Promise<void> => {
  const target = process.argv[2] ?? 'out/ledger.ndjson';
  const text = await ledgerText(await buildCountyBooks());
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text, 'utf8');
  process.stderr.write(`wrote ${text.split('\n').length - 1} events to ${target}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
