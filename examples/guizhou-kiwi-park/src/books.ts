import { InMemoryEventStore, coreCatalog, writeLedger, type CommandContext } from '@collective-ledger/core';
import { SEED, VILLAGES, YEARS } from './county.js';
import { plannedHouseholds, type PlannedHousehold } from './households.js';
import { yearIncome } from './incomes.js';
import { sequentialIds } from './random.js';
import { registerCounty, registerVillage, transferToPark } from './register.js';
import { landYear, recordWages } from './year.js';

export type Context = CommandContext;
export type Envelope = () => { readonly commandId: string; readonly actor: string };
/** Where the example's commands go, and the envelope of each. */
export interface Books {
  readonly context: Context;
  readonly envelope: Envelope;
}

/** Each village's households, as the generator plans them (seeded). */
export const countyHouseholds = (): ReadonlyMap<string, readonly PlannedHousehold[]> => new Map(VILLAGES.map((v, i) => [v.organizationId, plannedHouseholds(v, SEED + 100 * (i + 1))]));

/**
 * The county's books through the public API: the county, the town and the
 * two villages with their households, parcels and members (2014); the hill
 * land transferred to the kiwi company through the collectives (February
 * 2015); then each year from 2015 to 2018 the members' wages, and the rent,
 * guaranteed return and dividends collected and paid on by the collectives.
 */
export const buildCountyBooks = async (): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  const context: Context = { store, catalog: coreCatalog, newId: sequentialIds(SEED) };
  let n = 0;
  const envelope: Envelope = () => ({ commandId: `gz-${(n += 1)}`, actor: '石硐镇农经站' });
  const books: Books = { context, envelope };
  const households = countyHouseholds();
  await registerCounty(books);
  for (const v of VILLAGES) await registerVillage(books, v, households.get(v.organizationId) ?? []);
  for (const v of VILLAGES) await transferToPark(books, v, households.get(v.organizationId) ?? []);
  for (const year of YEARS) {
    for (const [i, v] of VILLAGES.entries()) {
      const list = households.get(v.organizationId) ?? [];
      const income = yearIncome(list, year, SEED + 1000 * (i + 1));
      await recordWages(books, v, income, year);
      await landYear(books, v, list, { income, year });
    }
  }
  return store;
};

export const ledgerText = async (store: InMemoryEventStore): Promise<string> => {
  let text = '';
  for await (const line of writeLedger(store.readAll())) text += line;
  return text;
};
