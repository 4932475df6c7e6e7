import { describe, expect, it } from 'vitest';
import { BooksCheck, type RecordedEvent } from '@collective-ledger/core';
import { generate } from './land-workload.js';

const errorsOf = (events: readonly RecordedEvent[]): string[] => {
  const books = new BooksCheck();
  const found = events.flatMap((e, i) => books.check(e, { streamId: e.streamId, line: i + 1 }));
  return [...found, ...books.finish()].filter((f) => f.severity === 'error').map((f) => `${f.line ?? ''} ${f.message}`);
};

describe('the land benchmark workload', () => {
  it('is books the checked import accepts: every parcel, transfer and payment valid for the land register’s rules', () => {
    const { batches, expected } = generate({ villages: 3, householdsPerVillage: 25 }, 100);
    const events = [...batches()].flat();
    expect(errorsOf(events)).toEqual([]);
    expect(events).toHaveLength(expected.events);
  });

  it('would be refused with a payment more than what is owed: the check reads its land events', () => {
    const events = [...generate({ villages: 2, householdsPerVillage: 10 }).batches()].flat();
    const at = events.findIndex((e) => e.type === 'LandIncomePaid');
    const paid = events[at];
    if (paid === undefined) throw new Error('no payment');
    events[at] = { ...paid, data: { ...paid.data, amount: '99999999.00' } };
    expect(errorsOf(events).join('\n')).toMatch(new RegExp(`^${at + 1} .*more than`));
  });

  it('transfers exactly half of the land, and owes what is due less what is paid', () => {
    const { batches, expected } = generate({ villages: 4, householdsPerVillage: 37 });
    for (const _ of batches()) continue;
    expect(expected.transferredTenths * 2n).toBe(expected.contractedTenths);
    expect(expected.owedFen).toBe(expected.dueFen - expected.paidFen);
    expect([expected.households, expected.parcels, expected.transfers]).toEqual([148, 740, 16]);
  });
});
