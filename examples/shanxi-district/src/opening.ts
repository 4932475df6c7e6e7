import { Money, Rate, allocate, assets } from '@collective-ledger/core';
import { FARMHOUSES_COST, NON_OPERATING_FIXED_ASSETS_AT_COST, OPERATING_FIXED_ASSETS_AT_COST } from './article.js';
import type { Village } from './district.js';
import { intBetween, pick, split, type Random } from './drafts.js';
import { fenBetween } from './random.js';

/** An asset card brought into the books when they are opened (建账), with the depreciation it had already taken. */
export interface OpeningAsset {
  readonly assetId: string;
  readonly name: string;
  readonly category: 'operating' | 'non-operating';
  readonly cost: Money;
  readonly usefulLifeMonths: number;
  readonly openingMonths: number;
  readonly openingDepreciation: Money;
  /** 511 经营支出 for operating assets, 514 公益支出 for public-welfare ones. */
  readonly chargeAccount: '511' | '514';
}

export interface OpeningResource {
  readonly assetId: string;
  readonly name: string;
  readonly kind: 'arable' | 'forest' | 'grassland' | 'waste-land' | 'water-surface' | 'construction-land';
  readonly area: string;
}

export interface OpeningInvestment {
  readonly investmentId: string;
  readonly investee: string;
  readonly amount: Money;
}

/** What a village's books open with on 31 December 2021, but for its bank balance (balance.ts chooses it). */
export interface OpeningPlan {
  readonly village: Village;
  readonly fixed: readonly OpeningAsset[];
  readonly resources: readonly OpeningResource[];
  readonly investments: readonly OpeningInvestment[];
  /** 112 应收款 and 121 库存物资 found by the stock-take. */
  readonly receivables: Money;
  readonly inventory: Money;
}

export const RESIDUAL_RATE = Rate.fromPercent('5');

const OPERATING = ['村集体厂房', '标准化养殖圈舍', '农贸市场门面房', '冷库', '光伏电站', '仓储物流库房', '沿街商铺'] as const;
const NON_OPERATING = ['党群服务中心', '村卫生室', '文化活动中心', '村内道路', '村小学校舍', '人饮工程', '农田水利设施'] as const;
const RESOURCES = [
  ['arable', '耕地'],
  ['forest', '集体林地'],
  ['grassland', '草地'],
  ['waste-land', '荒山荒坡'],
  ['water-surface', '坑塘水面'],
  ['construction-land', '集体建设用地'],
] as const;

/** A card whose opening depreciation is what its straight-line schedule charged in its first `openingMonths`. */
const card = (random: Random, spec: Omit<OpeningAsset, 'usefulLifeMonths' | 'openingMonths' | 'openingDepreciation'>): OpeningAsset => {
  const usefulLifeMonths = 12 * intBetween(random, 20, 50);
  const openingMonths = intBetween(random, 12, usefulLifeMonths - 60);
  const schedule = assets.straightLineSchedule(spec.cost, RESIDUAL_RATE, usefulLifeMonths);
  return { ...spec, usefulLifeMonths, openingMonths, openingDepreciation: Money.sum(schedule.slice(0, openingMonths)) };
};

const weights = (random: Random, count: number, min: number): string[] => Array.from({ length: count }, () => String(intBetween(random, min, 100)));

const resourcesOf = (village: Village, random: Random): OpeningResource[] =>
  Array.from({ length: intBetween(random, 1, 4) }, (_, i) => {
    const [kind, label] = pick<(typeof RESOURCES)[number]>(random, RESOURCES);
    // Tenths of a mu, drawn as a whole number (5.0 to 3,000.0 mu) and written as a decimal string.
    const tenths = String(intBetween(random, 50, 30_000));
    return { assetId: `${village.organizationId}-r${i + 1}`, name: `${village.name}${label}`, kind, area: `${tenths.slice(0, -1)}.${tenths.slice(-1)}` };
  });

const investmentsOf = (village: Village, random: Random): OpeningInvestment[] => {
  const id = `${village.organizationId}-i1`;
  if (village.story === 'tourism') return [{ investmentId: id, investee: '桃花沟文旅开发有限公司', amount: Money.of('20000000.00') }];
  if (village.story === 'property-company') return [{ investmentId: id, investee: '新民物业服务有限公司', amount: Money.of('3000000.00') }];
  return random() < 0.25 ? [{ investmentId: id, investee: `${village.name}入股农业企业`, amount: Money.fromFen(fenBetween(random, 200_000, 5_000_000)) }] : [];
};

/**
 * Every village's opening books. The district's fixed assets at cost are
 * allocated over the villages (largest remainders: they add up exactly) and
 * split into cards; the clothing workshop village also brings its idle
 * farmhouses, non-operating, which its 2022 reclassification makes operating,
 * so the operating pool opens without them and the non-operating one with.
 */
export const openingPlans = (villages: readonly Village[], random: Random): OpeningPlan[] => {
  const operating = allocate(OPERATING_FIXED_ASSETS_AT_COST.minus(FARMHOUSES_COST), weights(random, villages.length, 1));
  const nonOperating = allocate(NON_OPERATING_FIXED_ASSETS_AT_COST, weights(random, villages.length, 5));
  return villages.map((village, v) => {
    const id = (n: number) => `${village.organizationId}-f${n}`;
    const fixed: OpeningAsset[] = [];
    for (const cost of split(operating[v] ?? Money.zero, intBetween(random, 1, 3), random)) {
      fixed.push(card(random, { assetId: id(fixed.length + 1), name: pick(random, OPERATING), category: 'operating', cost, chargeAccount: '511' }));
    }
    for (const cost of split(nonOperating[v] ?? Money.zero, intBetween(random, 1, 4), random)) {
      fixed.push(card(random, { assetId: id(fixed.length + 1), name: pick(random, NON_OPERATING), category: 'non-operating', cost, chargeAccount: '514' }));
    }
    if (village.story === 'clothing-workshop') {
      fixed.push(card(random, { assetId: id(fixed.length + 1), name: '闲置农房', category: 'non-operating', cost: FARMHOUSES_COST, chargeAccount: '514' }));
    }
    return {
      village,
      fixed,
      resources: resourcesOf(village, random),
      investments: investmentsOf(village, random),
      receivables: Money.fromFen(fenBetween(random, 100_000, 15_000_000)),
      inventory: random() < 0.5 ? Money.fromFen(fenBetween(random, 10_000, 800_000)) : Money.zero,
    };
  });
};
