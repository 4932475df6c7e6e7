import { Money, allocate } from '@collective-ledger/core';
import type { Village } from './district.js';
import { intBetween, percentOf, type Random } from './drafts.js';
import type { Target } from './targets.js';

/**
 * The part of a village's rents that the GENERATOR moves into its economic
 * contracts: 30% to 70% of the income its rent vouchers would otherwise carry
 * (for an ordinary village at least 60% of its operating income is rents,
 * whatever part the company's profit takes). The contracts' 2022 instalments
 * add up to it exactly (contract-amounts.ts), the register recognises them
 * as 501, and the rent vouchers carry that much less (`Target.fromContracts`),
 * so each village's operating income, and the income tiers, stay as they are.
 */
export const contractBudget = (village: Village, target: Target, random: Random): Money => {
  const fromResources = target.fromResources ?? Money.zero;
  const base = ((): Money => {
    if (village.story === undefined) return percentOf(target.operating, 60).minus(fromResources);
    switch (village.story) {
      case 'tourism':
        // 桃花沟村: the concessions of the amusement rides (25% of its income) are let by contract.
        return allocate(target.operating, ['55', '25', '20'])[1] ?? Money.zero;
      case 'red-tourism':
        return target.operating;
      case 'clothing-workshop':
        return target.operating.minus(Money.of('200000')).minus(fromResources);
      case 'property-company':
        return target.operating.minus(target.investment ?? Money.zero).minus(fromResources);
    }
  })();
  if (!base.isPositive()) throw new Error(`${village.organizationId}: no rents left for contracts`);
  return percentOf(base, intBetween(random, 30, 70));
};
