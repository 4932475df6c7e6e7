import { parseArgs } from 'node:util';
import { sealBatches } from '@collective-ledger/core';
import { expectPositionals, parseOrExplain, required } from '../args.js';
import { EXIT_OK } from '../errors.js';
import { writeOut } from '../io.js';
import { eventsOf } from './verify.js';
import type { Command } from './command.js';

const usage = `Usage: collective-ledger seal --store <store>

Print one digest over the head of every stream (a Merkle root over the sorted
heads, docs/tamper-evidence.md) with the number of events it covers, to be
published or signed at a year-end (村务公开). \`collective-ledger verify --seal
<seal>\` later proves the books up to it unchanged: they may only have grown.
Events stored before hashes existed are covered by hashes computed for them,
and counted as unsealed.

Options:
  --store <store>      the store to seal: an .ndjson file, a PGlite directory or a postgres:// URL
  -h, --help           show this help
`;

export const sealCommand: Command = {
  name: 'seal',
  summary: 'print one digest over every stream head, to publish or sign',
  usage,
  async run(args, context) {
    const { values, positionals } = parseOrExplain('seal', () =>
      parseArgs({ args: [...args], options: { store: { type: 'string' } }, allowPositionals: true, strict: true }),
    );
    expectPositionals('seal', positionals, []);
    const { batches, close } = await eventsOf(required('seal', 'store', values.store), context);
    try {
      const seal = await sealBatches(batches);
      const unsealed = seal.unsealed === 0 ? '' : `, ${seal.unsealed} stored before hashes (unsealed)`;
      await writeOut(context.io.stdout, `${seal.token}\n${seal.events} events in ${seal.streams} streams${unsealed}\n`, context.io.signal);
      return EXIT_OK;
    } finally {
      await close();
    }
  },
};
