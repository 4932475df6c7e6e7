import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreCatalog } from '../catalog.js';
import { InMemoryEventStore } from '../kernel/memory-store.js';
import { importLedger, writeLedger } from '../kernel/ndjson/index.js';
import { Money } from '../money/money.js';
import { building, testAssets } from '../domain/assets/test-assets.js';
import { booksRules } from './books-rules.js';
import { verifyStore } from './verify.js';

const month = (year: number, m: number): string => `${year}-${String(m).padStart(2, '0')}`;

/** One year of a village: income, spending within what the bank holds, assets bought and depreciated month by month. */
const year = fc.record({
  income: fc.array(fc.integer({ min: 100_000, max: 100_000_000 }), { minLength: 1, maxLength: 3 }),
  spending: fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 3 }),
  assets: fc.array(fc.record({ share: fc.integer({ min: 1, max: 40 }), life: fc.integer({ min: 12, max: 240 }), month: fc.integer({ min: 1, max: 6 }) }), { maxLength: 2 }),
  depreciatedThrough: fc.integer({ min: 7, max: 12 }),
  reverseFirst: fc.boolean(),
});

const books = fc.record({ years: fc.array(year, { minLength: 1, maxLength: 3 }), closeLast: fc.boolean() });

type Books = typeof books extends fc.Arbitrary<infer B> ? B : never;

/** Write the books through the commands, as a village's accountant would: every event a command decided. */
const written = async (plan: Books) => {
  const village = await testAssets();
  let bank = 0n;
  let asset = 0;
  for (const [i, y] of plan.years.entries()) {
    const yyyy = 2023 + i;
    let no = 0;
    const voucherNo = () => `记-${String((no += 1)).padStart(3, '0')}`;
    for (const fen of y.income) {
      const amount = Money.fromFen(BigInt(fen)).toString();
      await village.voucher(voucherNo(), `${yyyy}-01-10`, [['102', 'debit', amount], ['501', 'credit', amount]]);
      bank += BigInt(fen);
    }
    if (y.reverseFirst) {
      const amount = Money.fromFen(BigInt(y.income[0] ?? 0)).toString();
      await village.voucher(voucherNo(), `${yyyy}-01-11`, [['501', 'debit', amount], ['102', 'credit', amount]], { reverses: '记-001' });
      bank -= BigInt(y.income[0] ?? 0);
    }
    for (const percent of y.spending) {
      const fen = (bank * BigInt(percent)) / 1_000n;
      if (fen === 0n) continue;
      const amount = Money.fromFen(fen).toString();
      await village.voucher(voucherNo(), `${yyyy}-02-15`, [['511', 'debit', amount], ['102', 'credit', amount]]);
      bank -= fen;
    }
    for (const a of y.assets) {
      const fen = (bank * BigInt(a.share)) / 100n;
      if (fen < 1_000n) continue;
      const acquired = await village.run('acquire', building(`b${(asset += 1)}`, Money.fromFen(fen).toString(), a.life, { acquiredOn: `${month(yyyy, a.month)}-15`, creditAccount: '102' }));
      expect(acquired._tag).toBe('Right');
      bank -= fen;
    }
    const first = i === 0 ? 2 : 1;
    for (let m = first; m <= (i < plan.years.length - 1 ? 12 : y.depreciatedThrough); m += 1) await village.ok('depreciate', { month: month(yyyy, m) });
    if (i < plan.years.length - 1 || plan.closeLast) {
      const closed = await village.close(yyyy);
      expect(closed._tag).toBe('Right');
    }
  }
  return village;
};

describe('the rules of the books, over any books the commands write', () => {
  it('find nothing in them, and an import of their export into an empty store checks and takes every event', async () => {
    await fc.assert(
      fc.asyncProperty(books, async (plan) => {
        const village = await written(plan);
        const verified = await verifyStore(village.store);
        expect(verified.findings).toEqual([]);
        let text = '';
        for await (const line of writeLedger(village.store.readAll())) text += line;
        const target = new InMemoryEventStore();
        const imported = await importLedger(target, async function* () { yield text; }, coreCatalog, { rules: booksRules() });
        expect(imported.events).toBe(village.store.size);
        expect(target.size).toBe(village.store.size);
      }),
      { numRuns: 25 },
    );
  });
});
