import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreCatalog } from '../../catalog.js';
import { verifyStore } from '../../audit/verify.js';
import { booksRules } from '../../audit/books-rules.js';
import { InMemoryEventStore } from '../../kernel/memory-store.js';
import { importLedger, writeLedger } from '../../kernel/ndjson/index.js';
import { Money } from '../../money/money.js';
import { recognisedFen } from './figures.js';
import { contractStatusAsOf } from './status.js';
import { lease, testContracts } from './test-contracts.js';
import { contractRegisters, emptyContractRegister } from './view.js';
import { runProjection } from '../../kernel/projection.js';

const START = Date.parse('2024-01-10T00:00:00Z');
const dateOf = (day: number): string => new Date(START + day * 86_400_000).toISOString().slice(0, 10);

/** A schedule over 2024 and 2025 (due days, amounts in fen or grain), and payments and recognition runs on random days. */
const plan = fc.record({
  instalments: fc.array(fc.record({ day: fc.integer({ min: 0, max: 700 }), fen: fc.integer({ min: 1, max: 5_000_000 }), grain: fc.boolean() }), { minLength: 1, maxLength: 8 }),
  steps: fc.array(fc.record({ day: fc.integer({ min: 0, max: 710 }), kind: fc.constantFrom('pay', 'recognise'), share: fc.integer({ min: 1, max: 1_500 }), cash: fc.boolean() }), { maxLength: 12 }),
  asOf: fc.integer({ min: 0, max: 720 }),
});

type Plan = typeof plan extends fc.Arbitrary<infer P> ? P : never;

const instalmentsOf = (p: Plan) =>
  [...p.instalments]
    .sort((a, b) => a.day - b.day)
    .map((i) => (i.grain ? { dueOn: dateOf(i.day), grain: { kg: (i.fen / 100).toFixed(2), pricePerKg: '1.375' } } : { dueOn: dateOf(i.day), amount: Money.fromFen(BigInt(i.fen)).toString() }));

type Books = Awaited<ReturnType<typeof testContracts>>;

/** Village v's contract register with history, from the store. */
const registerOf = async (books: Books) => (await runProjection(books.store, books.context.catalog, contractRegisters)).state.get('v') ?? emptyContractRegister();

/** Write the plan through the commands, closing 2024 before the first step of 2025. */
const written = async (p: Plan) => {
  const books = await testContracts();
  expect((await books.close(2023))._tag).toBe('Right');
  await books.ok('register', lease('c1', { endsOn: '2025-12-31', instalments: instalmentsOf(p) }));
  let closed = false;
  for (const step of [...p.steps].sort((a, b) => a.day - b.day)) {
    const date = dateOf(step.day);
    if (!closed && date >= '2025-01-01') {
      expect((await books.close(2024))._tag).toBe('Right');
      closed = true;
    }
    if (step.kind === 'recognise') {
      const run = await books.run('recognise', { through: date });
      if (run._tag === 'Left') expect(run.left.code).toBe('NOTHING_TO_RECOGNISE');
      continue;
    }
    const view = (await registerOf(books)).get('c1');
    const owed = view === undefined ? 0n : contractStatusAsOf(view, '9999-12-31').scheduled - contractStatusAsOf(view, '9999-12-31').received;
    const fen = (owed * BigInt(step.share)) / 1_000n;
    if (fen > 0n) await books.ok('pay', { contractId: 'c1', receivedOn: date, amount: Money.fromFen(fen > owed ? owed : fen).toString(), ...(step.cash ? { receivedInto: '101' } : {}) });
  }
  return books;
};

describe('contracts, over any schedule, payments and recognitions the commands write', () => {
  it('balance the ledger, keep 112 and 211 equal to what the register owes and holds in advance, and pass the books check and a checked import', async () => {
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const books = await written(p);
        const view = (await registerOf(books)).get('c1');
        if (view === undefined) throw new Error('c1 is not on the register');
        const balances = await books.balances('2025-12-31');
        expect([...balances.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
        const receivable = recognisedFen(view.card) - view.card.paid;
        expect(balances.get('112') ?? 0n).toBe(receivable > 0n ? receivable : 0n);
        expect(-(balances.get('211') ?? 0n)).toBe(receivable < 0n ? -receivable : 0n);
        expect((await verifyStore(books.store)).findings).toEqual([]);
        let text = '';
        for await (const line of writeLedger(books.store.readAll())) text += line;
        const imported = await importLedger(new InMemoryEventStore(), async function* () { yield text; }, coreCatalog, { rules: booksRules() });
        expect(imported.events).toBe(books.store.size);
        const status = contractStatusAsOf(view, dateOf(p.asOf));
        expect(status.collected + status.outstanding).toBe(status.due);
        expect(status.collected + status.prepaid).toBe(status.received);
      }),
      { numRuns: 20 },
    );
  });
});
