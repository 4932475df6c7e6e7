/**
 * Build the example ledger through the public API: register a district, a
 * township and its villages, post a year of vouchers for each village, and
 * write every event as an NDJSON ledger file (docs/ledger-format.md).
 *
 *   node dist/build-ledger.js out/ledger.ndjson
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { InMemoryEventStore, coreCatalog, ledger, organization, writeLedger } from '@collective-ledger/core';
import { seeded, sequentialIds } from './random.js';
import { district, township, villages } from './villages.js';
import { yearOfVouchers } from './vouchers.js';

const YEAR = 2023;

const orFail = <E extends { readonly message: string }, A>(result: Either<E, A>): A => {
  if (isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const build = async (): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore({ now: () => new Date(`${YEAR + 1}-01-05T08:00:00.000Z`) });
  const context = { store, catalog: coreCatalog, newId: sequentialIds(YEAR) };
  let command = 0;
  const envelope = () => ({ commandId: `example-${(command += 1)}`, actor: 'example-builder' });
  for (const input of [district, township, ...villages]) {
    orFail(await organization.registerOrganization(context, { ...envelope(), input, occurredOn: `${YEAR}-01-01` }));
  }
  const random = seeded(20230101);
  for (const village of villages) {
    for (const voucher of yearOfVouchers(village.organizationId, YEAR, random)) {
      orFail(await ledger.postVoucher(context, { ...envelope(), input: voucher }));
    }
  }
  return store;
};

const main = async (): Promise<void> => {
  const target = process.argv[2] ?? 'out/ledger.ndjson';
  const store = await build();
  const lines: string[] = [];
  for await (const line of writeLedger(store.readAll())) lines.push(line);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, lines.join(''), 'utf8');
  process.stderr.write(`wrote ${lines.length} events to ${target}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
