import { beforeAll, describe, expect, it } from 'vitest';
import { BooksCheck, type EventToCheck } from '../../audit/books-check.js';
import type { JsonObject } from '../../kernel/event.js';
import { bankLoan, testDebts } from './test-debts.js';

type Recorded = EventToCheck & { readonly data: JsonObject };

const check = (events: readonly Recorded[]) => {
  const books = new BooksCheck();
  const found = events.flatMap((event, i) => books.check(event, { streamId: event.streamId, line: i + 1 }));
  return [...found, ...books.finish()].filter((f) => f.severity === 'error').map((f) => ({ line: f.line, rule: f.rule, message: f.message }));
};

let recorded: Recorded[];

beforeAll(async () => {
  const books = await testDebts();
  await books.ok('record', bankLoan('d1'));
  await books.ok('record', bankLoan('d2', { creditor: { name: '李四', kind: 'individual' }, origin: 'purchase', account: '211', amount: '800.00', recognition: 'new', debitAccount: '121' }));
  await books.ok('repay', { debtId: 'd1', resolvedOn: '2023-03-01', amount: '4000.00' });
  await books.close(2023);
  await books.ok('restructure', { debtId: 'd1', resolvedOn: '2024-02-01', amount: '5000.00', toAccount: '221', reduction: '500.00', terms: '分三年偿还' });
  await books.ok('offset', { debtId: 'd2', resolvedOn: '2024-03-01', amount: '800.00', receivableAccount: '113' });
  await books.ok('writeOff', { debtId: 'd1', resolvedOn: '2024-06-01', amount: '1000.00', approval: { body: 'representatives-assembly', approvedOn: '2024-05-30', resolution: '代表大会决议第2号' } });
  recorded = [];
  for await (const e of books.store.readAll()) recorded.push({ streamId: e.streamId, type: e.type, data: e.data, metadata: e.metadata });
});

const indexOf = (type: string): number => recorded.findIndex((e) => e.type === type);

describe('the checked import and verify over the debt register', () => {
  it('accept every event the commands wrote, across a close that carried the open debts', () => {
    expect(recorded.find((e) => e.type === 'YearClosed')?.data['registers']).toMatchObject({ debts: { open: [{ debtId: 'd1', resolved: '4000.00' }, { debtId: 'd2' }], settled: [] } });
    expect(check(recorded)).toEqual([]);
  });

  it('refuse a resolution above what is outstanding', () => {
    const at = indexOf('DebtWrittenOff');
    const events = recorded.map((e, i) => (i === at ? { ...e, data: { ...e.data, amount: '1000.01' } } : e));
    expect(check(events)).toContainEqual({ line: at + 1, rule: 'REGISTER_TRANSITION', message: 'the debt register: amount: 1000.01 is more than the 1000.00 still outstanding of d1' });
  });

  it('refuse a generated voucher that does not post what the resolution implies', () => {
    const at = indexOf('DebtOffset') + 1;
    const events = recorded.map((e, i) => {
      if (i !== at) return e;
      const lines = (e.data['lines'] as JsonObject[]).map((l) => (l['account'] === '113' ? { ...l, account: '112' } : l));
      return { ...e, data: { ...e.data, lines } };
    });
    expect(check(events)).toContainEqual(expect.objectContaining({ line: at + 1, rule: 'GENERATED_VOUCHER_MISMATCH' }));
  });

  it('refuse a debt recorded twice, and a resolution of a debt never recorded', () => {
    const first = indexOf('DebtRecorded');
    const again = { ...recorded[first]!, metadata: { ...recorded[first]!.metadata, eventId: '00000000-0000-4000-8000-000000000001' } };
    expect(check([...recorded.slice(0, first + 1), again])).toContainEqual({ line: first + 2, rule: 'REGISTER_TRANSITION', message: 'the debt register: debtId: d1 is already on the debt register of v' });
    const repaid = indexOf('DebtRepaid');
    const events = recorded.map((e, i) => (i === repaid ? { ...e, data: { ...e.data, debtId: 'zz' } } : e));
    expect(check(events)).toContainEqual(expect.objectContaining({ line: repaid + 1, rule: 'REGISTER_TRANSITION', message: 'the debt register: debtId: zz is not on the debt register of v' }));
  });
});
