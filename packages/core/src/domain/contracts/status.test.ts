import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decoded } from '../../test-support/decoded.js';
import { Money } from '../../money/money.js';
import { ContractPaymentReceivedData } from './payment-events.js';
import { doubleLettings } from './queries.js';
import { collectionOver, collectionRateOver, contractStatusAsOf } from './status.js';
import { shopSigned } from './test-contract-specs.js';
import { applyContractView, emptyContractRegister, type ContractView } from './view.js';
import type { ContractEvent } from './events.js';

const payment = (contractId: string, receivedOn: string, amount: string): ContractEvent => ({
  type: 'ContractPaymentReceived',
  data: decoded(ContractPaymentReceivedData, { organizationId: 'v', contractId, receivedOn, amount, receivedInto: '102', toReceivable: '0.00', toPrepayment: amount, voucherNo: '合-001' }),
});

const viewOf = (...events: readonly ContractEvent[]): ContractView => {
  const register = events.reduce(applyContractView, emptyContractRegister());
  const view = register.get('c1');
  if (view === undefined) throw new Error('no c1');
  return view;
};

/** Four quarterly instalments of 100.00 in 2024. */
const quarterly = shopSigned({
  instalments: ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'].map((dueOn, k) => ({ no: k + 1, dueOn, amount: '100.00' })),
});

describe('a contract as of a date', () => {
  it('is overdue from the day after its due date, aged in days, settled oldest first', () => {
    const view = viewOf(quarterly, payment('c1', '2024-03-31', '60.00'), payment('c1', '2024-07-15', '80.00'));
    const status = contractStatusAsOf(view, '2024-07-10');
    expect({ due: status.due, collected: status.collected, outstanding: status.outstanding, overdue: status.overdue }).toEqual({ due: 20_000n, collected: 6_000n, outstanding: 14_000n, overdue: 14_000n });
    expect(status.instalments.filter((i) => i.overdue).map((i) => [i.no, i.ageDays])).toEqual([[1, 101], [2, 10]]);
    expect(contractStatusAsOf(view, '2024-06-30').overdue).toBe(4_000n); // the June instalment is not late on its own due date
  });

  it('collection over a period: arrears at its start plus what fell overdue in it, against what was received late in it', () => {
    // Q1 60 paid on time; Q2 paid 80 late (15 July); Q3 paid 100 in full on 30 September.
    const view = viewOf(quarterly, payment('c1', '2024-03-31', '60.00'), payment('c1', '2024-07-15', '80.00'), payment('c1', '2024-09-30', '100.00'));
    // 1 July to 30 November: arrears at the start 40 (Q1) + 100 (Q2); Q3 falls due in it, 60 of it unpaid at its due date: 40 + 100 + 60.
    // Received late in the period: 80 on 15 July (40 to Q1, 40 to Q2), and of the 100 on 30 September 60 to Q2 and 40 to Q3 — on Q3's due date, so not late.
    const c = collectionOver(view, '2024-07-01', '2024-11-30');
    expect(c).toEqual({ openingArrears: 14_000n, fallenOverdue: 6_000n, overdue: 20_000n, collected: 14_000n });
    expect(collectionRateOver([view], '2024-07-01', '2024-11-30').rate?.toPercent()).toBe('70.0%');
    expect(collectionRateOver([], '2024-07-01', '2024-11-30').rate).toBeUndefined();
  });

  it('for any schedule and payments: collected + outstanding = due, collected ≤ overdue over any period', () => {
    const day = (n: number) => new Date(Date.parse('2024-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 10, max: 360 }), fen: fc.integer({ min: 1, max: 1_000_000 }) }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 400 }), share: fc.integer({ min: 1, max: 400 }) }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 200 }),
        (instalments, payments, asOf, length) => {
          const schedule = [...instalments].sort((a, b) => a.day - b.day).map((i, k) => ({ no: k + 1, dueOn: day(i.day), amount: Money.fromFen(BigInt(i.fen)).toString() }));
          const total = instalments.reduce((s, i) => s + BigInt(i.fen), 0n);
          let left = total;
          const paid = [...payments].sort((a, b) => a.day - b.day).flatMap((p) => {
            const fen = (left * BigInt(p.share)) / 1_000n;
            left -= fen;
            return fen > 0n ? [payment('c1', day(p.day), Money.fromFen(fen).toString())] : [];
          });
          const view = viewOf(shopSigned({ endsOn: '2025-12-31', instalments: schedule }), ...paid);
          const s = contractStatusAsOf(view, day(asOf));
          expect(s.collected + s.outstanding).toBe(s.due);
          expect(s.collected + s.prepaid).toBe(s.received);
          expect(s.instalments.reduce((sum, i) => sum + i.paid + i.outstanding, 0n)).toBe(s.scheduled);
          const c = collectionOver(view, day(asOf), day(asOf + length));
          expect(c.collected <= c.overdue && c.collected >= 0n).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('double letting', () => {
  it('finds a subject held by two contracts in force on the same day', () => {
    const register = [shopSigned(), shopSigned({ contractId: 'c2', signedOn: '2024-05-01', startsOn: '2024-05-01' }), shopSigned({ contractId: 'c3', subject: { description: '另一间门面' } })].reduce(applyContractView, emptyContractRegister());
    expect(doubleLettings(register, '2024-06-01')).toEqual([{ subject: 'described:村委会临街门面', contractIds: ['c1', 'c2'] }]);
    expect(doubleLettings(register, '2024-04-01')).toEqual([]);
  });
});
