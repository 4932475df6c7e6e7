/**
 * 息烽县: the example's county, its town and the two villages whose
 * households transfer their hill land to the kiwi company. Ids, codes, dates
 * and terms are the example's own; the figures the reports print are
 * computed from the events.
 */
export const SEED = 20191203;

export const COUNTY = { organizationId: 'xifeng', kind: 'district', code: '520122', name: '息烽县' } as const;
export const TOWN = { organizationId: 'shidong', kind: 'township', code: '520122106', name: '石硐镇', parentId: 'xifeng' } as const;

export interface VillagePlan {
  readonly organizationId: string;
  readonly code: string;
  readonly name: string;
  readonly households: number;
  /** Tenths of a mu transferred for rent and as land shares. */
  readonly rentTenths: bigint;
  readonly shareTenths: bigint;
}

/** Dahong 2,000 mu for rent and 700 as shares, Zhongba 1,600 and 500: 4,800 mu. */
export const VILLAGES: readonly VillagePlan[] = [
  { organizationId: 'dahong', code: '520122106201', name: '大洪村', households: 96, rentTenths: 20_000n, shareTenths: 7_000n },
  { organizationId: 'zhongba', code: '520122106202', name: '中坝村', households: 84, rentTenths: 16_000n, shareTenths: 5_000n },
];

export const YEARS = [2015, 2016, 2017, 2018] as const;
export const REGISTERED_ON = '2014-12-01';
/** The second-round contracts (二轮承包), recorded in the land register at the 2014 确权. */
export const CONTRACT = { contractedOn: '2014-12-10', contractStartsOn: '1998-01-01', contractEndsOn: '2027-12-31' } as const;

/** 贵州中康农业科技有限公司, the park's operator. */
export const OPERATOR = { name: '贵州中康农业科技有限公司', kind: 'company' } as const;

/** The transfers: signed through the collectives in February 2015, from 1 March 2015 to the end of the contracts. */
export const TERM = { signedOn: '2015-02-16', startsOn: '2015-03-01', endsOn: '2027-12-31', consentOn: '2015-02-10' } as const;
export const DUE_DATES = Array.from({ length: 13 }, (_, i) => `${2015 + i}-12-20`);
/** 600.00 a mu a year in cash; the collective's service fee 30.00 a mu a year, paid by the operator on top. */
export const RENT_PER_MU_FEN = 60_000n;
export const FEE_PER_MU_FEN = 3_000n;
/** 1 mu = 1 share, 500.00 guaranteed a share (保底), and a dividend a share of each year (按股分红): none while the vines grow. */
export const GUARANTEED_PER_SHARE_FEN = 50_000n;
export const DIVIDEND_PER_SHARE_FEN: Readonly<Record<number, bigint>> = { 2017: 8_000n, 2018: 26_000n };

/** 任富荣's household in Dahong: the article's deputy team head. */
export const DEPUTY = { householdId: 'dahong-h001', rentTenths: 120n, shareTenths: 60n } as const;
