import { Money, allocate, assets } from '@collective-ledger/core';
import { FARMHOUSES_REVITALISED_ON, NEW_RESOURCE_INCOME } from './article.js';
import type { Village } from './district.js';
import { dayIn, intBetween, pick, split, type Random } from './drafts.js';
import { RESIDUAL_RATE, type OpeningAsset, type OpeningPlan } from './opening.js';
import type { Target } from './targets.js';

/** An asset command of 2022, as the example sends it: which service, its plain-JSON input, and its business date (to order them). */
export type AssetStep =
  | { readonly service: 'registerResourceAsset'; readonly date: string; readonly input: assets.RegisterResourceAssetInput }
  | { readonly service: 'recordResourceIncome'; readonly date: string; readonly input: assets.RecordResourceIncomeInput }
  | { readonly service: 'chargeDepreciation'; readonly date: string; readonly input: assets.ChargeDepreciationInput }
  | { readonly service: 'reclassifyFixedAsset'; readonly date: string; readonly input: assets.ReclassifyFixedAssetInput }
  | { readonly service: 'acquireFixedAsset'; readonly date: string; readonly input: assets.AcquireFixedAssetInput };

const MILLION = Money.of('1000000.00');

/**
 * What each village's newly found resources earn in 2022: the article's total
 * allocated over the villages with 1,000,000 yuan of operating income or more,
 * in proportion to it. It is part of their operating income (501), not added to it.
 */
export const newResourceIncome = (villages: readonly Village[], targets: ReadonlyMap<string, Target>): Map<string, Money> => {
  const top = villages.filter((v) => targets.get(v.organizationId)?.operating.gte(MILLION) === true);
  const parts = allocate(NEW_RESOURCE_INCOME, top.map((v) => (targets.get(v.organizationId)?.operating ?? Money.zero).toString()));
  return new Map(top.map((v, i) => [v.organizationId, parts[i] ?? Money.zero]));
};

const NEW_KINDS = [
  ['waste-land', '清查新增荒山'],
  ['water-surface', '清查新增坑塘'],
  ['construction-land', '清查新增闲置建设用地'],
] as const;

/** 清产核资: resources found on 15 March 2022, and their rents from April to June, adding up to `income`. */
const stockTake = (village: Village, income: Money, random: Random): AssetStep[] => {
  const found = Array.from({ length: intBetween(random, 1, 2) }, (_, i) => {
    const [kind, label] = pick<(typeof NEW_KINDS)[number]>(random, NEW_KINDS);
    return { assetId: `${village.organizationId}-n${i + 1}`, name: `${village.name}${label}`, kind, area: `${intBetween(random, 20, 2000)}` };
  });
  const registered = found.map(
    (r): AssetStep => ({ service: 'registerResourceAsset', date: '2022-03-15', input: { organizationId: village.organizationId, ...r, registeredOn: '2022-03-15', identifiedBy: 'stock-take' } }),
  );
  const receipts = split(income, intBetween(random, 1, 3), random).map((amount, i): AssetStep => {
    const resource = found[i % found.length];
    if (resource === undefined) throw new Error(`${village.organizationId}: no resource found for its income`);
    const receivedOn = dayIn(random, 2022, intBetween(random, 4, 6));
    return {
      service: 'recordResourceIncome',
      date: receivedOn,
      input: { organizationId: village.organizationId, assetId: resource.assetId, receivedOn, amount: amount.toString(), summary: `收到${resource.name}承包费` },
    };
  });
  return [...registered, ...receipts];
};

/** A card acquired in the second half of 2022, after the article's date: an objective increase of the year's equity. */
const laterAsset = (plan: OpeningPlan, spec: { name: string; acquisition: 'subsidy' | 'donation'; acquiredOn: string; cost: Money; category: 'operating' | 'non-operating' }): AssetStep => ({
  service: 'acquireFixedAsset',
  date: spec.acquiredOn,
  input: {
    organizationId: plan.village.organizationId,
    assetId: `${plan.village.organizationId}-f${plan.fixed.length + 1}`,
    name: spec.name,
    category: spec.category,
    acquisition: spec.acquisition,
    acquiredOn: spec.acquiredOn,
    cost: spec.cost.toString(),
    usefulLifeMonths: 240,
    residualRate: '5',
    method: 'straight-line',
    chargeAccount: spec.category === 'operating' ? '511' : '514',
  },
});

/** One village in ten gets irrigation works built with a subsidy (补助形成资产); the red-tourism village is given exhibits (接受捐赠). */
const laterAssets = (plan: OpeningPlan, random: Random): AssetStep[] => {
  if (plan.village.story === 'red-tourism') {
    return [laterAsset(plan, { name: '红色教育展陈设施', acquisition: 'donation', acquiredOn: '2022-10-15', cost: Money.of('180000.00'), category: 'operating' })];
  }
  if (random() >= 0.1) return [];
  const cost = Money.fromFen(BigInt(intBetween(random, 300_000, 3_000_000)) * 100n);
  return [laterAsset(plan, { name: '高标准农田灌溉设施', acquisition: 'subsidy', acquiredOn: '2022-09-20', cost, category: 'non-operating' })];
};

const MONTHS = Array.from({ length: 12 }, (_, m) => `2022-${String(m + 1).padStart(2, '0')}`);

/**
 * A village's asset commands of 2022 in date order: the monthly depreciation
 * runs, the stock-take's new resources and their income, for the clothing
 * workshop village the idle farmhouses revitalised (non-operating → operating),
 * and in the autumn a few assets formed by subsidies or donated.
 */
export const assetYear = (plan: OpeningPlan, income: Money | undefined, random: Random): AssetStep[] => {
  const organizationId = plan.village.organizationId;
  const runs = MONTHS.map((month): AssetStep => ({ service: 'chargeDepreciation', date: assets.lastDayOf(month), input: { organizationId, month } }));
  const farmhouses = plan.fixed.find((a) => a.name === '闲置农房');
  const reclassified: AssetStep[] =
    farmhouses === undefined
      ? []
      : [{ service: 'reclassifyFixedAsset', date: FARMHOUSES_REVITALISED_ON, input: { organizationId, assetId: farmhouses.assetId, reclassifiedOn: FARMHOUSES_REVITALISED_ON, to: 'operating', chargeAccount: '511', reason: '闲置农房盘活为服装加工车间' } }];
  const found = income === undefined ? [] : stockTake(plan.village, income, random);
  // A stable sort: on the same day, a resource is registered before its income and a reclassification comes before that month's run.
  return [...reclassified, ...found, ...laterAssets(plan, random), ...runs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};

/** The depreciation the runs of January to `throughMonth` charge an opening card: its schedule from the opening on. */
export const depreciationThrough = (asset: OpeningAsset, months: number): Money =>
  Money.sum(
    assets
      .straightLineSchedule(asset.cost, RESIDUAL_RATE, asset.usefulLifeMonths, { depreciation: asset.openingDepreciation, months: asset.openingMonths })
      .slice(0, months),
  );
