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

type Village = Awaited<ReturnType<typeof testAssets>>;
type Year = Books['years'][number];

/** One year's vouchers and assets through the commands; returns what the bank holds after them (fen). */
const writeYear = async (village: Village, yyyy: number, y: Year, start: { bank: bigint; assets: number }): Promise<{ bank: bigint; assets: number }> => {
  let { bank, assets } = start;
  let no = 0;
  const voucherNo = () => `记-${String((no += 1)).padStart(3, '0')}`;
  const post = async (date: string, [debit, credit]: readonly [string, string], fen: bigint, extra: object = {}) => {
    const amount = Money.fromFen(fen).toString();
    await village.voucher(voucherNo(), date, [[debit, 'debit', amount], [credit, 'credit', amount]], extra);
  };
  for (const fen of y.income) await post(`${yyyy}-01-10`, ['102', '501'], BigInt(fen));
  bank += y.income.reduce((sum, fen) => sum + BigInt(fen), 0n);
  if (y.reverseFirst) {
    await post(`${yyyy}-01-11`, ['501', '102'], BigInt(y.income[0] ?? 0), { reverses: '记-001' });
    bank -= BigInt(y.income[0] ?? 0);
  }
  for (const fen of y.spending.map((percent) => (bank * BigInt(percent)) / 1_000n).filter((fen) => fen > 0n)) {
    await post(`${yyyy}-02-15`, ['511', '102'], fen);
    bank -= fen;
  }
  for (const a of y.assets) {
    const fen = (bank * BigInt(a.share)) / 100n;
    if (fen < 1_000n) continue;
    const acquired = await village.run('acquire', building(`b${(assets += 1)}`, Money.fromFen(fen).toString(), a.life, { acquiredOn: `${month(yyyy, a.month)}-15`, creditAccount: '102' }));
    expect(acquired._tag).toBe('Right');
    bank -= fen;
  }
  return { bank, assets };
};

/** Write the books through the commands, as a village's accountant would: every event a command decided. */
const written = async (plan: Books): Promise<Village> => {
  const village = await testAssets();
  let at = { bank: 0n, assets: 0 };
  for (const [i, y] of plan.years.entries()) {
    const yyyy = 2023 + i;
    const last = i === plan.years.length - 1;
    at = await writeYear(village, yyyy, y, at);
    for (let m = i === 0 ? 2 : 1; m <= (last ? y.depreciatedThrough : 12); m += 1) await village.ok('depreciate', { month: month(yyyy, m) });
    if (!last || plan.closeLast) expect((await village.close(yyyy))._tag).toBe('Right');
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
