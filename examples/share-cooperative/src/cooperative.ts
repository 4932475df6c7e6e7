/**
 * 张庄村股份经济合作社: the example's cooperative. The dates and rules are the
 * example's own; every figure a report prints is computed from the events.
 */
export const SEED = 20240320;
export const VILLAGE = 'zz';
export const VILLAGE_NAME = '张庄村股份经济合作社';
export const HOUSEHOLDS = 110;
export const YEAR = 2023;
export const FOUNDED_ON = '2020-12-01';
export const QUANTIFIED_ON = '2020-12-31';
export const BOOKS_OPENED_ON = '2023-01-01';
export const APPROVED_ON = '2024-03-20';
export const PAID_ON = '2024-03-28';
export const RESOLUTION = '张庄村成员代表大会决议〔2024〕2号';

/** The charter: member shares by head, labour-age shares by years of work, a collective share; 20% reserve; leaving members keep their shares. */
export const CHARTER = {
  adoptedOn: FOUNDED_ON,
  resolution: '张庄村成员代表大会决议〔2020〕5号（股份经济合作社章程）',
  classes: [
    { classId: 'member', nameZh: '成员股', nameEn: 'member share', heldBy: 'member' },
    { classId: 'labour', nameZh: '农龄股', nameEn: 'labour-age share', heldBy: 'member' },
    { classId: 'collective', nameZh: '集体股', nameEn: 'collective share', heldBy: 'collective' },
  ],
  reservePercent: '20',
  onLeaving: 'keep',
  transfersAllowed: true,
} as const;

/** The 322 sub-accounts the distribution books to, and 未分配收益, which the close carries into. */
export const DISTRIBUTION_ACCOUNTS = [
  ['32201', '提取公积公益金'],
  ['32202', '提取福利费'],
  ['32203', '成员分红'],
  ['32204', '未分配收益'],
] as const;

/** The plan: the reserve at the charter's 20%, a welfare amount, and 60% of what is left after the reserve as the dividend pool. */
export const PLAN_STEPS = [
  { kind: 'reserve', account: '32201' },
  { kind: 'welfare', account: '32202', amount: '30000.00' },
  { kind: 'dividends', account: '32203', percent: '60', recordDate: `${YEAR}-12-31`, weights: [{ classId: 'member', weight: '1' }, { classId: 'labour', weight: '1' }, { classId: 'collective', weight: '1' }] },
] as const;
