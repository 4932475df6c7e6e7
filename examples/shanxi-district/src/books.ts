import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { InMemoryEventStore, coreCatalog, ledger, organization, writeLedger } from '@collective-ledger/core';
import { district, townships, villages } from './district.js';
import { seeded, sequentialIds } from './random.js';
import { targetsFor } from './targets.js';
import { yearOfVouchers } from './vouchers.js';

export const YEAR = 2022;
const SEED = 20220804;

const orFail = <E extends { readonly message: string }, A>(result: Either<E, A>): A => {
  if (isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

/**
 * The district's books through the public API: register the district, its six
 * townships and 94 villages, post each village's 2022 vouchers, then close the
 * year (年终结账) for every village. Deterministic: the same events every run.
 */
export const buildDistrictBooks = async (): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore({ now: () => new Date(`${YEAR + 1}-01-10T08:00:00.000Z`) });
  const context = { store, catalog: coreCatalog, newId: sequentialIds(YEAR) };
  let command = 0;
  const envelope = () => ({ commandId: `shanxi-${(command += 1)}`, actor: 'example-builder' });
  const registrations = [district, ...townships, ...villages.map(({ story: _story, ...village }) => village)];
  for (const input of registrations) {
    orFail(await organization.registerOrganization(context, { ...envelope(), input, occurredOn: `${YEAR}-01-01` }));
  }
  const random = seeded(SEED);
  const targets = targetsFor(villages, random);
  for (const village of villages) {
    const target = targets.get(village.organizationId);
    if (target === undefined) throw new Error(`no target for ${village.organizationId}`);
    for (const voucher of yearOfVouchers(village, target, random, YEAR)) {
      orFail(await ledger.postVoucher(context, { ...envelope(), input: voucher }));
    }
    orFail(await ledger.closeYear(context, { ...envelope(), input: { organizationId: village.organizationId, year: YEAR } }));
  }
  return store;
};

/** Every event of the store as an NDJSON ledger file (docs/ledger-format.md). */
export const ledgerText = async (store: InMemoryEventStore): Promise<string> => {
  const lines: string[] = [];
  for await (const line of writeLedger(store.readAll())) lines.push(line);
  return lines.join('');
};
