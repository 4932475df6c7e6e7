import type { IncomeBasis, Money } from '@collective-ledger/core';
import type { ReportLanguage } from './report.js';

/** The words of the income tiers table, in Chinese or English. */
export interface TierLabels {
  readonly title: (year: number) => string;
  readonly basis: (basis: IncomeBasis) => string;
  readonly atOrAbove: (threshold: Money) => string;
  readonly below: (threshold: Money) => string;
  readonly weakTitle: (lowest: Money) => string;
  readonly shellTitle: (limit: Money) => string;
  readonly unit: string;
  readonly villages: string;
  readonly share: string;
  readonly weak: string;
  readonly shell: string;
  readonly code: string;
  readonly village: string;
  readonly township: string;
  readonly income: string;
  readonly tier: string;
  readonly villageList: string;
  /** The roll-up row when the villages are not in exactly one district. */
  readonly all: string;
  readonly none: string;
}

const TEN_THOUSAND_YUAN_IN_FEN = 1_000_000n;

/** 100000 → `10万元`, 1000000 → `100万元`; an amount that is not whole 万 stays in yuan: `125,000.50元`. */
const wan = (amount: Money): string => {
  const fen = amount.toFen();
  return fen % TEN_THOUSAND_YUAN_IN_FEN === 0n ? `${fen / TEN_THOUSAND_YUAN_IN_FEN}万元` : `${whole(amount)}元`;
};

/** `1,000,000` rather than `1,000,000.00` for a whole number of yuan. */
export const whole = (amount: Money): string => amount.toDisplay().replace(/\.00$/, '');

const zh: TierLabels = {
  title: (year) => `村集体经济收入分档 ${year}年度`,
  basis: (basis) =>
    basis === 'operating'
      ? '口径：经营性收入（501 经营收入 + 502 投资收益）；“以上”含本数'
      : '口径：总收入（501 经营收入、502 投资收益、503 补助收入、504 其他收入）；“以上”含本数',
  atOrAbove: (threshold) => `${wan(threshold)}以上`,
  below: (threshold) => `不足${wan(threshold)}`,
  weakTitle: (lowest) => `薄弱村（收入不足${wan(lowest)}）`,
  shellTitle: (limit) => `空壳村（无收入或收入不足${wan(limit)}）`,
  unit: '单位',
  villages: '村数',
  share: '占比',
  weak: '薄弱村',
  shell: '空壳村',
  code: '代码',
  village: '村',
  township: '乡镇',
  income: '收入（元）',
  tier: '档次',
  villageList: '各村收入',
  all: '合计',
  none: '（无）',
};

const en: TierLabels = {
  title: (year) => `Village collective income tiers, ${year}`,
  basis: (basis) =>
    basis === 'operating'
      ? 'Basis: operating income (501 operating income + 502 investment income); "at or above" includes the threshold'
      : 'Basis: total income (501 operating, 502 investment, 503 subsidy and 504 other income); "at or above" includes the threshold',
  atOrAbove: (threshold) => `>= ${whole(threshold)}`,
  below: (threshold) => `below ${whole(threshold)}`,
  weakTitle: (lowest) => `Weak villages (income below ${whole(lowest)})`,
  shellTitle: (limit) => `Shell villages (no income, or under ${whole(limit)})`,
  unit: 'unit',
  villages: 'villages',
  share: 'share',
  weak: 'weak',
  shell: 'shell',
  code: 'code',
  village: 'village',
  township: 'township',
  income: 'income (yuan)',
  tier: 'tier',
  villageList: 'Income of each village',
  all: 'all villages',
  none: '(none)',
};

export const tierLabels = (lang: ReportLanguage): TierLabels => (lang === 'en' ? en : zh);
