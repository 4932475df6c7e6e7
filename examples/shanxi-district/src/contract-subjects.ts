import type { contracts } from '@collective-ledger/core';
import { intBetween, pick, type Random } from './drafts.js';
import type { OpeningPlan } from './opening.js';

type Category = contracts.RegisterContractInput['category'];
type Counterparty = contracts.RegisterContractInput['counterparty'];
type Subject = contracts.RegisterContractInput['subject'];

/** What a contract lets: its category, title, subject and counterparty, and how often its rent falls due. */
export interface Letting {
  readonly category: Category;
  readonly title: string;
  readonly subject: Subject;
  readonly counterparty: Counterparty;
  /** Instalments a year: 1, 2 or 4. */
  readonly perYear: 1 | 2 | 4;
  /** Let as a whole (an asset on the register): approved by tender, larger rents. */
  readonly whole: boolean;
}

const SURNAMES = Array.from('张李王赵刘陈杨孙周吴郑冯何马高林郭罗梁宋韩唐许邓曹彭曾萧田董');
const GIVEN = ['建国', '志强', '秀英', '桂兰', '海军', '玉梅', '永福', '红梅', '国庆', '春生', '文华', '小平', '德胜', '金花', '振华', '翠兰'] as const;

/** An invented person's name. */
export const personName = (random: Random): string => `${pick(random, SURNAMES as [string, ...string[]])}${pick(random, GIVEN)}`;

const household = (random: Random): Counterparty => ({ name: personName(random), kind: 'household' });

const firm = (village: string, random: Random): Counterparty =>
  random() < 0.5
    ? { name: `${village.replace(/村$/, '')}${pick(random, ['兴农种植', '绿源养殖', '丰收农机', '众益林果'])}专业合作社`, kind: 'cooperative' }
    : { name: `阳泉${pick(random, ['恒达', '鑫源', '晋发', '瑞丰', '宏远'])}${pick(random, ['商贸', '物流', '农业开发', '新能源'])}有限公司`, kind: 'company' };

const perYearOf = (random: Random, building: boolean): 1 | 2 | 4 => {
  const r = random();
  if (building) return r < 0.6 ? 1 : r < 0.85 ? 2 : 4;
  return r < 0.95 ? 1 : 2;
};

const RESOURCE_CATEGORY: Record<OpeningPlan['resources'][number]['kind'], Category> = {
  arable: 'land-lease',
  'construction-land': 'land-lease',
  forest: 'resource-contracting',
  grassland: 'resource-contracting',
  'waste-land': 'resource-contracting',
  'water-surface': 'resource-contracting',
};

/**
 * The assets of the register a village lets as a whole, one contract each
 * (so no subject is let twice): its resources of the books' opening and its
 * operating buildings, but not the clothing workshop's farmhouses (run by the
 * village) nor the resources the 2022 stock-take found (their income is
 * recorded with them).
 */
export const wholeLettings = (plan: OpeningPlan, random: Random): Letting[] => [
  ...plan.resources.map(
    (r): Letting => ({
      category: RESOURCE_CATEGORY[r.kind],
      title: `${r.name}${RESOURCE_CATEGORY[r.kind] === 'land-lease' ? '租赁' : '承包'}合同`,
      subject: { description: r.name, assetId: r.assetId, area: { value: r.area, unit: 'mu' } },
      counterparty: firm(plan.village.name, random),
      perYear: perYearOf(random, false),
      whole: true,
    }),
  ),
  ...plan.fixed
    .filter((a) => a.category === 'operating' && a.name !== '闲置农房')
    .map(
      (a): Letting => ({
        category: a.name === '光伏电站' ? 'equipment-lease' : 'building-lease',
        title: `${a.name}租赁合同`,
        subject: { description: `${plan.village.name}${a.name}`, assetId: a.assetId },
        counterparty: firm(plan.village.name, random),
        perYear: perYearOf(random, true),
        whole: true,
      }),
    ),
];

const PLACES = ['东坡', '西沟', '南梁', '北洼', '河滩', '后山'] as const;

/** A plot, shop, pond or machine of the village, described (the register holds it only as part of a larger asset, or not at all). */
export const describedLetting = (village: string, n: number, random: Random): Letting => {
  const r = random();
  const mu = (min: number, max: number) => ({ value: String(intBetween(random, min, max)), unit: 'mu' as const });
  if (r < 0.45) {
    const place = pick(random, PLACES);
    return { category: 'land-lease', title: `${place}机动地承包合同`, subject: { description: `${place}机动地第${n}号地块`, area: mu(2, 40) }, counterparty: household(random), perYear: 1, whole: false };
  }
  if (r < 0.65) {
    return {
      category: 'building-lease',
      title: '集体门面房租赁合同',
      subject: { description: `${village}沿街门面房${n}号`, area: { value: String(intBetween(random, 30, 300)), unit: 'm2' } },
      counterparty: random() < 0.7 ? household(random) : firm(village, random),
      perYear: perYearOf(random, true),
      whole: false,
    };
  }
  if (r < 0.8) {
    const place = pick(random, PLACES);
    return { category: 'resource-contracting', title: '集体果园承包合同', subject: { description: `${place}果园第${n}片`, area: mu(10, 300) }, counterparty: random() < 0.6 ? household(random) : firm(village, random), perYear: 1, whole: false };
  }
  if (r < 0.88) {
    return { category: 'resource-contracting', title: '集体鱼塘承包合同', subject: { description: `${village}${n}号鱼塘`, area: mu(2, 30) }, counterparty: household(random), perYear: 1, whole: false };
  }
  if (r < 0.95) {
    return {
      category: 'building-lease',
      title: '集体闲置场地租赁合同',
      subject: { description: `${village}闲置场地${n}号`, area: { value: String(intBetween(random, 200, 3000)), unit: 'm2' } },
      counterparty: firm(village, random),
      perYear: perYearOf(random, true),
      whole: false,
    };
  }
  return { category: 'equipment-lease', title: '集体农机具租赁合同', subject: { description: `${village}${pick(random, ['玉米收割机', '粮食烘干机', '旋耕机'])}${n}号` }, counterparty: household(random), perYear: 1, whole: false };
};

/** 荒山 contracted out decades ago for longer than the law allows (over 50 years): the review flags them. */
export const longLetting = (village: string, random: Random): Letting => ({
  category: 'resource-contracting',
  title: '荒山荒坡承包治理合同',
  subject: { description: `${village}${pick(random, PLACES)}荒山`, area: { value: String(intBetween(random, 100, 2000)), unit: 'mu' } },
  counterparty: household(random),
  perYear: 1,
  whole: false,
});
