import { describe, expect, it } from 'vitest';
import { ARTICLE } from './article.js';
import { DEPUTY, SEED, VILLAGES } from './county.js';
import { plannedHouseholds } from './households.js';

describe('the planned households', () => {
  const planned = VILLAGES.map((v, i) => ({ v, households: plannedHouseholds(v, SEED + 100 * (i + 1)) }));

  it('transfer exactly each village’s hill land for rent and as shares, 4,800 mu in all, every parcel a positive area', () => {
    let all = 0n;
    for (const { v, households } of planned) {
      const rent = households.reduce((s, h) => s + h.rent.tenths, 0n);
      const shares = households.reduce((s, h) => s + (h.shares?.tenths ?? 0n), 0n);
      expect([rent, shares]).toEqual([v.rentTenths, v.shareTenths]);
      expect(households.every((h) => h.rent.tenths > 0n && (h.shares === undefined || h.shares.tenths > 0n) && h.kept.tenths > 0n)).toBe(true);
      all += rent + shares;
    }
    expect(all).toBe(ARTICLE.transferredTenths);
  });

  it('give the deputy team head’s household its own land, two adults and their old and young', () => {
    const deputy = planned[0]?.households.find((h) => h.householdId === DEPUTY.householdId);
    expect([deputy?.rent.tenths, deputy?.shares?.tenths]).toEqual([DEPUTY.rentTenths, DEPUTY.shareTenths]);
    expect(deputy?.members.map((m) => m.role)).toEqual(['adult', 'adult', 'elder', 'elder', 'child', 'child']);
  });

  it('are the same on every run (seeded)', () => {
    const again = VILLAGES.map((v, i) => plannedHouseholds(v, SEED + 100 * (i + 1)));
    expect(again).toEqual(planned.map((p) => p.households));
  });
});
