import { beforeAll, describe, expect, it } from 'vitest';
import { isRight } from 'fp-ts/lib/Either.js';
import { coreCatalog } from '../../catalog.js';
import { booksRules } from '../../audit/books-rules.js';
import { verifyStore } from '../../audit/verify.js';
import type { EventStore } from '../../kernel/index.js';
import { InMemoryEventStore } from '../../kernel/memory-store.js';
import { importLedger, writeLedger } from '../../kernel/ndjson/index.js';
import { runProjection } from '../../kernel/projection.js';
import { CarriedContracts } from './carry.js';
import { emptyContractBook } from './register.js';
import { lease, testContracts } from './test-contracts.js';
import { contractRegisters } from './view.js';

type Books = Awaited<ReturnType<typeof testContracts>>;

/** The store's events written out and imported through the checked import: the count imported, or the refusal. */
const imported = async (store: EventStore): Promise<number> => {
  let text = '';
  for await (const line of writeLedger(store.readAll())) text += line;
  const result = await importLedger(new InMemoryEventStore(), async function* () { yield text; }, coreCatalog, { rules: booksRules() });
  return result.events;
};

/** The close of 2023 as written before the contract register existed: its registers have no `contracts` key. */
const oldClose = {
  type: 'YearClosed',
  data: {
    organizationId: 'v',
    year: 2023,
    closedOn: '2023-12-31',
    entries: [],
    netIncome: '0.00',
    carried: [],
    registers: {
      assets: { resources: [{ assetId: 'r1', name: '东坡耕地', kind: 'arable', area: '20.0000', registeredOn: '2023-06-01', identifiedBy: 'register' }], fixed: [], investments: [] },
      shares: { declarations: [], settled: [] },
    },
  },
  metadata: { eventId: '00000000-0000-4000-8000-00000000c105', occurredOn: '2023-12-31', actor: '会计', commandId: 'old-close', schemaVersion: 1 },
};

describe('a close written before the contract register existed', () => {
  let books: Books;

  beforeAll(async () => {
    books = await testContracts();
    await books.store.append('ledger-v-2023', [oldClose]);
  });

  it('opens an empty contract register: the next year registers, recognises and takes payments', async () => {
    await books.ok('register', lease('c1'));
    await books.ok('recognise', { through: '2024-12-31' });
    await books.ok('pay', { contractId: 'c1', receivedOn: '2024-04-10', amount: '400.00' });
    const register = (await runProjection(books.store, books.context.catalog, contractRegisters)).state.get('v');
    expect(register?.get('c1')?.card).toMatchObject({ recognised: 1, paid: 40_000n });
  });

  it('passes verify and the checked import, the close recomputed equal to the one recorded', async () => {
    expect((await verifyStore(books.store)).findings).toEqual([]);
    expect(await imported(books.store)).toBe(books.store.size);
  });

  it('is what a village without contracts still closes with: no contracts key', async () => {
    const fresh = await testContracts();
    expect(isRight(await fresh.close(2023))).toBe(true);
    const [close] = (await fresh.events('ledger-v-2023')).filter((e) => e.type === 'YearClosed');
    expect(close?.data['registers']).toEqual(oldClose.data.registers);
    expect(CarriedContracts.encode(emptyContractBook())).toBeUndefined();
  });
});

describe('a close that carries contracts', () => {
  it('round-trips: decoded, it encodes to what was recorded, and the books pass verify and the checked import', async () => {
    const books = await testContracts();
    await books.close(2023);
    await books.ok('register', lease('c1'));
    await books.ok('register', lease('c2', { endsOn: '2024-06-30', instalments: [{ dueOn: '2024-03-31', amount: '500.00' }] }));
    await books.ok('recognise', { through: '2024-12-31' });
    await books.ok('pay', { contractId: 'c2', receivedOn: '2024-04-10', amount: '500.00' });
    await books.ok('expire', { contractId: 'c2', expiredOn: '2024-07-01' });
    await books.close(2024);
    await books.ok('pay', { contractId: 'c1', receivedOn: '2025-02-01', amount: '700.00' });
    const [close] = (await books.events('ledger-v-2024')).filter((e) => e.type === 'YearClosed');
    const carried = (close?.data['registers'] as Record<string, unknown> | undefined)?.['contracts'];
    const decoded = CarriedContracts.decode(carried);
    if (!isRight(decoded)) throw new Error('the carried contracts do not decode');
    expect(decoded.right.contracts.size).toBe(1);
    expect(CarriedContracts.encode(decoded.right)).toEqual(carried);
    expect((await verifyStore(books.store)).findings).toEqual([]);
    expect(await imported(books.store)).toBe(books.store.size);
  });
});
