import { beforeAll, describe, expect, it } from 'vitest';
import type { EventStore, JsonObject } from '../../kernel/index.js';
import { BooksCheck, type EventToCheck } from '../../audit/books-check.js';
import { lease, testContracts } from './test-contracts.js';

type Recorded = EventToCheck & { readonly data: JsonObject };

const eventsOf = async (store: EventStore): Promise<Recorded[]> => {
  const out: Recorded[] = [];
  for await (const e of store.readAll()) out.push({ streamId: e.streamId, type: e.type, data: e.data, metadata: e.metadata });
  return out;
};

const check = (events: readonly EventToCheck[]) => {
  const books = new BooksCheck();
  const found = events.flatMap((event, i) => books.check(event, { streamId: event.streamId, line: i + 1 }));
  return [...found, ...books.finish()].filter((f) => f.severity === 'error').map((f) => ({ line: f.line, rule: f.rule, message: f.message }));
};

describe('the year-end close of the contract register', () => {
  let books: Awaited<ReturnType<typeof testContracts>>;
  let recorded: Recorded[];

  beforeAll(async () => {
    books = await testContracts();
    await books.close(2023);
    await books.ok('register', lease('c1'));
    await books.ok('register', lease('c2', { endsOn: '2024-06-30', instalments: [{ dueOn: '2024-03-31', amount: '500.00' }] }));
    await books.ok('recognise', { through: '2024-12-31' });
    await books.ok('pay', { contractId: 'c1', receivedOn: '2024-04-10', amount: '400.00' });
    await books.ok('pay', { contractId: 'c2', receivedOn: '2024-04-10', amount: '500.00' });
    await books.ok('expire', { contractId: 'c2', expiredOn: '2024-07-01' });
    await books.ok('flag', { contractId: 'c1', flaggedOn: '2024-11-01', reasons: [{ reason: 'fees-unpaid' }] });
    await books.close(2024);
    await books.ok('pay', { contractId: 'c1', receivedOn: '2025-02-01', amount: '700.00' });
    recorded = await eventsOf(books.store);
  });

  it('carries the contracts still in force or owing, with their schedule, recognition, payments and open flag; a settled one only as ended', () => {
    const close = recorded.find((e) => e.type === 'YearClosed' && e.data['year'] === 2024);
    expect(close?.data['registers']).toMatchObject({
      contracts: {
        contracts: [
          {
            contractId: 'c1',
            schedule: [
              { no: 1, dueOn: '2024-03-31', amount: '1000.00' },
              { no: 2, dueOn: '2025-03-31', amount: '1000.00' },
              { no: 3, dueOn: '2026-03-31', amount: '1000.00' },
            ],
            recognised: 1,
            paid: '400.00',
            status: 'live',
            flag: { flaggedOn: '2024-11-01', reasons: [{ reason: 'fees-unpaid' }] },
          },
        ],
        ended: [{ contractId: 'c2', status: 'expired', endedOn: '2024-07-01' }],
      },
    });
  });

  it('decides the next year from the close alone: the arrears clear the receivable carried, the rest waits in 211', async () => {
    const payment = recorded.filter((e) => e.streamId === 'ledger-v-2025').map((e) => e.data);
    expect(payment[0]).toMatchObject({ contractId: 'c1', toReceivable: '600.00', toPrepayment: '100.00' });
    expect(payment[1]?.['lines']).toEqual([
      { account: '102', side: 'debit', amount: '700.00' },
      { account: '112', side: 'credit', amount: '600.00' },
      { account: '211', side: 'credit', amount: '100.00' },
    ]);
    await books.refused('flag', { contractId: 'c2', flaggedOn: '2025-03-01', reasons: [{ reason: 'fees-unpaid' }] }, 'CONTRACT_EXPIRED', 'contractId: c2 expired on 2024-07-01; sign a new contract');
    await books.refused('register', lease('c2', { signedOn: '2025-01-05' }), 'CONTRACT_EXISTS');
  });

  it('passes the books check, which refuses an event the rules would not decide', () => {
    expect(check(recorded)).toEqual([]);
    const at = recorded.findIndex((e) => e.type === 'ContractPaymentReceived');
    const split = recorded.map((e, i) => (i === at ? { ...e, data: { ...e.data, toReceivable: '0.00', toPrepayment: '400.00' } } : e));
    expect(check(split)[0]).toMatchObject({ line: at + 1, rule: 'REGISTER_TRANSITION', message: 'the contract register: CONTRACT_EVENT_INCONSISTENT: toReceivable: the rules give 400.00, not 0.00' });
    const over = recorded.map((e, i) => (i === at ? { ...e, data: { ...e.data, amount: '3000.01', toReceivable: '1000.00', toPrepayment: '2000.01' } } : e));
    expect(check(over)[0]).toMatchObject({ rule: 'REGISTER_TRANSITION', message: 'the contract register: PAYMENT_OVER_OUTSTANDING: amount: 3000.01 is more than the 3000.00 still owed on the whole schedule of c1' });
    const signing = recorded.findIndex((e) => e.type === 'ContractSigned');
    const elsewhere = recorded.map((e, i) => (i === signing ? { ...e, data: { ...e.data, subject: { description: '西坡', assetId: 'r9' } } } : e));
    expect(check(elsewhere)[0]).toMatchObject({ rule: 'REGISTER_TRANSITION', message: 'the contract register: SUBJECT_UNKNOWN: subject.assetId: r9 is not a resource or fixed asset on the asset register' });
  });
});
