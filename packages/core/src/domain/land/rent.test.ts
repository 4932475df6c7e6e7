import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../../money/money.js';
import { landDividendDeclared, landTransferred, parcelContracted, grainPriceReviewed, landTransferTerminated } from './events.js';
import { applyLandEvent, emptyLandRegister, type LandRegister } from './register.js';
import { dueTo, instalmentDue } from './rent.js';
import { given, landCommand, landEvent, parcel, transfer } from './test-land-specs.js';
import type { LandEvent } from './events.js';
import { landRegisterDecider, type LandCommand } from './decider.js';
import { muText } from './test-land-inputs.js';

const fold = (...events: readonly LandEvent[]): LandRegister => events.reduce(applyLandEvent, emptyLandRegister());
const p1 = landEvent(parcelContracted, parcel('p1', 'h1', '3.3333'));
const p2 = landEvent(parcelContracted, parcel('p2', 'h2', '1.6667'));

describe('grain-indexed rent (折粮计租)', () => {
  const grain = transfer('t1', [['p1', '3.3333'], ['p2', '1.6667']], ['h1', 'h2'], { terms: { kind: 'grain', kgPerMu: '400', pricePerKg: '2.70', reviewDates: ['2020-01-01'] } });

  it('is area × kg per mu × the reference price, exact, rounded once to the fen per household', () => {
    const t = fold(p1, p2, landEvent(landTransferred, grain)).transfers.get('t1')!;
    // 3.3333 mu × 400 kg = 1333.32 kg at 2.70 = 3599.964 → 3599.96; 1.6667 × 400 = 666.68 kg → 1800.036 → 1800.04
    expect([...instalmentDue(t, '2018-12-31')].map(([h, m]) => [h, m.toString()])).toEqual([['h1', '3599.96'], ['h2', '1800.04']]);
  });

  it('takes the reviewed price from the review date on', () => {
    const review = landEvent(grainPriceReviewed, { transferId: 't1', reviewedOn: '2019-12-01', effectiveFrom: '2020-01-01', pricePerKg: '2.85' });
    const t = fold(p1, p2, landEvent(landTransferred, grain), review).transfers.get('t1')!;
    expect(instalmentDue(t, '2019-12-31').get('h1')?.toString()).toBe('3599.96');
    // 1333.32 kg × 2.85 = 3799.962 → 3799.96
    expect(instalmentDue(t, '2020-12-31').get('h1')?.toString()).toBe('3799.96');
  });

  it('refuses a review on a date the contract does not name', () => {
    given(p1, p2, landEvent(landTransferred, grain))
      .when(landCommand('ReviewGrainPrice', { transferId: 't1', reviewedOn: '2019-06-01', effectiveFrom: '2019-07-01', pricePerKg: '3' }))
      .thenFails('LAND_REVIEW_INVALID', 'effectiveFrom: 2019-07-01 is not a review date');
  });
});

describe('rent due', () => {
  it('stops at an early termination: the years due after it are cancelled', () => {
    const t1 = landEvent(landTransferred, transfer('t1', [['p1', '3.3333']], ['h1']));
    const end = landEvent(landTransferTerminated, { transferId: 't1', terminatedOn: '2019-06-30', reason: 'mutual-agreement', note: '协商' });
    // 3.3333 × 800.00 = 2666.64 a year; 2018 due, 2019 and 2020 cancelled
    expect(Money.fromFen(dueTo(fold(p1, t1, end).transfers.get('t1')!, 'h1')).toString()).toBe('2666.64');
  });
});

describe('land shares (土地入股)', () => {
  const shares = transfer('t1', [['p1', '3.3333'], ['p2', '1.6667']], ['h1', 'h2'], { terms: { kind: 'shares', sharesPerMu: '1', guaranteedPerShare: '800.00' } });
  const pooled = landEvent(landTransferred, shares);

  it('guarantees a return per share each year, divided exactly over the households', () => {
    const t = fold(p1, p2, pooled).transfers.get('t1')!;
    const due = instalmentDue(t, '2018-12-31');
    expect(Money.sum([...due.values()]).toString()).toBe('4000.00');
    expect(due.get('h1')?.toString()).toBe('2666.64');
  });

  it('declares a year\'s dividend, divided over the shares exactly to the fen', () => {
    given(p1, p2, pooled)
      .when(landCommand('DeclareLandDividend', { transferId: 't1', year: 2018, declaredOn: '2019-01-20', amount: '1000.00' }))
      .then([
        landEvent(landDividendDeclared, {
          transferId: 't1',
          year: 2018,
          declaredOn: '2019-01-20',
          amount: '1000.00',
          dividends: [{ householdId: 'h1', shares: '3.3333', amount: '666.66' }, { householdId: 'h2', shares: '1.6667', amount: '333.34' }],
        }),
      ]);
  });

  it('dividends add up exactly to the amount declared, whatever the areas', () => {
    const area = fc.integer({ min: 1, max: 99_999_999 }).map((u) => muText(u));
    fc.assert(
      fc.property(fc.array(area, { minLength: 1, maxLength: 8 }), fc.bigInt({ min: 1n, max: 10n ** 11n }), fc.constantFrom('1', '0.5', '1.25'), (areas, fen, perMu) => {
        const parcels = areas.map((a, i) => landEvent(parcelContracted, parcel(`p${i}`, `h${(i % 3) + 1}`, a)));
        const parts = areas.map((a, i) => [`p${i}`, a] as const);
        const owners = [...new Set(areas.map((_, i) => `h${(i % 3) + 1}`))];
        const pool = landEvent(landTransferred, transfer('t1', parts, owners, { terms: { kind: 'shares', sharesPerMu: perMu, guaranteedPerShare: '800.00' } }));
        const decided = fold(...parcels, pool);
        const result = landCommand('DeclareLandDividend', { transferId: 't1', year: 2019, declaredOn: '2019-12-31', amount: Money.fromFen(fen).toString() });
        expect(Money.sum(decidedDividend(decided, result)).toFen()).toBe(fen);
      }),
    );
  });
});

const decidedDividend = (register: LandRegister, command: LandCommand): Money[] => {
  const decided = landRegisterDecider.decide(command, register);
  if (decided._tag === 'Left') throw new Error(decided.left.message);
  const event = decided.right[0];
  if (event?.type !== 'LandDividendDeclared') throw new Error('no dividend');
  return event.data.dividends.map((d) => d.amount);
};
