import { describe, expect, it } from 'vitest';
import { InMemoryEventStore } from '../../kernel/memory-store.js';
import { building, testAssets } from '../assets/test-assets.js';
import { chargeDepreciation } from '../assets/service.js';

type Books = Awaited<ReturnType<typeof testAssets>>;

const months = (year: number, from = 1, to = 12): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);

const depreciateThrough = async (books: Books, year: number, from = 1) => {
  for (const month of months(year, from)) await books.ok('depreciate', { month });
};

/** b1 bought in November 2022, depreciated through each year and closed, for `years` years. */
const agedBooks = async (years: number): Promise<Books> => {
  const books = await testAssets();
  await books.ok('acquire', building('b1', '120000.00', 240, { acquiredOn: '2022-11-15' }));
  await books.ok('depreciate', { month: '2022-12' });
  await books.close(2022);
  for (let y = 2023; y < 2023 + years - 1; y += 1) {
    await depreciateThrough(books, y);
    await books.close(y);
  }
  return books;
};

describe('the ledger year and its sub-ledgers', () => {
  it('carries the asset register at the close, so a command reads its own year and the last close', async () => {
    const books = await agedBooks(1);
    const [close] = (await books.events('ledger-v-2022')).filter((e) => e.type === 'YearClosed');
    expect(close?.data['registers']).toMatchObject({
      assets: { fixed: [{ assetId: 'b1', cost: '120000.00', lastMonth: '2022-12', monthsCharged: 1 }], resources: [], investments: [] },
      shares: { declarations: [], settled: [] },
    });
    const first = await books.ok('depreciate', { month: '2023-01' });
    expect(first.events.map((e) => e.type)).toEqual(['DepreciationCharged', 'VoucherPosted']);
  });

  it('reads as many events for a command in books 1, 5 or 10 years old', async () => {
    const read: number[] = [];
    for (const years of [1, 5, 10]) {
      const books = await agedBooks(years);
      const result = await books.ok('depreciate', { month: `${2022 + years}-01` });
      read.push(result.eventsRead);
    }
    expect(new Set(read).size).toBe(1);
  });

  it('decides a new year against the previous one as it stands, and the close of that year re-checks it', async () => {
    const books = await testAssets();
    await books.ok('acquire', building('b1', '12000.00', 120, { acquiredOn: '2023-11-15' }));
    await books.ok('depreciate', { month: '2023-12' });
    // 2023 is still open: January 2024 is decided against it.
    await books.ok('depreciate', { month: '2024-01' });
    await books.ok('dispose', { assetId: 'b1', disposedOn: '2023-12-31', disposal: 'transfer-out' });
    const refused = await books.close(2023);
    expect(refused._tag === 'Left' && refused.left).toEqual({
      code: 'YEAR_CLOSE_CONFLICT',
      message: 'year: closing 2023 of v would contradict DepreciationCharged of 2024: b1 was disposed of on 2023-12-31; correct 2024 first',
    });
    expect((await books.events('ledger-v-2023')).some((e) => e.type === 'YearClosed')).toBe(false);
  });

  it('closes a year when the next one agrees with it, carrying what the next year continues from', async () => {
    const books = await testAssets();
    await books.ok('acquire', building('b1', '12000.00', 120, { acquiredOn: '2023-11-15' }));
    await books.ok('depreciate', { month: '2023-12' });
    await books.ok('depreciate', { month: '2024-01' });
    const closed = await books.close(2023);
    expect(closed._tag).toBe('Right');
    const february = await books.ok('depreciate', { month: '2024-02' });
    expect(february.events[0]?.data).toMatchObject({ assetId: 'b1', month: '2024-02' });
  });

  it('refuses to decide on a close whose carried register is malformed, naming the field, and writes nothing', async () => {
    const books = await agedBooks(1);
    const broken = new InMemoryEventStore();
    for await (const e of books.store.readAll()) {
      const data = e.type === 'YearClosed' ? { ...e.data, registers: { assets: { fixed: 'none' }, shares: { declarations: [], settled: [] } } } : e.data;
      // Changed content no longer matches its chain hash: copied as events stored before hashes existed.
      const { hash: _hash, ...metadata } = e.metadata;
      await broken.append(e.streamId, [{ type: e.type, data, metadata }]);
    }
    const before = broken.size;
    const request = { input: { organizationId: 'v', month: '2023-01' }, commandId: 'jan-2023', actor: '会计' };
    await expect(chargeDepreciation({ store: broken, catalog: books.context.catalog }, request)).rejects.toThrow(/stream ledger-v-2022, the close: data\.registers\.assets/);
    expect(broken.size).toBe(before);
  });

  it('rebuilds the registers once from the years before when a close carries none (books closed by an older version)', async () => {
    const books = await agedBooks(3);
    const old = new InMemoryEventStore();
    for await (const e of books.store.readAll()) {
      const { registers: _dropped, ...data } = e.data;
      const { hash: _hash, ...metadata } = e.metadata;
      await old.append(e.streamId, [{ type: e.type, data: e.type === 'YearClosed' ? data : e.data, metadata }]);
    }
    const request = { input: { organizationId: 'v', month: '2025-01' }, commandId: 'jan-2025', actor: '会计' };
    const fromOld = await chargeDepreciation({ store: old, catalog: books.context.catalog }, request);
    const fromNew = await chargeDepreciation(books.context, request);
    expect(fromOld._tag === 'Right' && fromNew._tag === 'Right').toBe(true);
    if (fromOld._tag !== 'Right' || fromNew._tag !== 'Right') return;
    expect(fromOld.right.events).toEqual(fromNew.right.events);
    expect(fromOld.right.eventsRead).toBeGreaterThan(fromNew.right.eventsRead);
  });
});
