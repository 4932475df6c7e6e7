import type { DistributionStepKind, IncomeDistributedData } from '../domain/shares/distribution-events.js';
import { Money } from '../money/money.js';
import type { ShareBooks } from './share-books.js';

/** A line of the distribution statement: an amount, or a memo (`kind: memo`) that is already inside another line. */
export interface DistributionLine {
  readonly key: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly amount: Money;
  readonly kind: 'item' | 'subtotal' | 'total' | 'memo';
  /** The accounts booked (debit, credit), for a step. */
  readonly accounts?: readonly [string, string];
}

/** 收益分配表 of one village and closed year, with the approval it rests on. */
export interface DistributionReport {
  readonly village: string;
  readonly year: number;
  readonly approvedOn: string;
  readonly resolution: string;
  readonly reservePercent: string;
  readonly lines: readonly DistributionLine[];
  readonly undistributed: Money;
}

const STEP_NAMES: Readonly<Record<DistributionStepKind, readonly [string, string]>> = {
  reserve: ['提取公积公益金', 'Accumulation and public-welfare reserve'],
  welfare: ['提取福利费', 'Welfare'],
  investors: ['外来投资分利', "Outside investors' profit"],
  dividends: ['成员分红（按股分配）', "Members' dividends (by shares)"],
};

const line = (key: string, [nameZh, nameEn]: readonly [string, string], amount: Money, kind: DistributionLine['kind']): DistributionLine => ({ key, nameZh, nameEn, amount, kind });

const linesOf = (plan: IncomeDistributedData, retained: Money): DistributionLine[] => [
  line('netIncome', ['本年收益', 'Net income'], plan.netIncome, 'item'),
  line('openingUndistributed', ['年初未分配收益', 'Undistributed income at the start of the year'], plan.openingUndistributed, 'item'),
  ...(plan.previousDistributions.isZero() ? [] : [line('previousDistributions', ['减：本年已分配（上年方案）', "Less: distributed during the year (the previous year's plan)"], plan.previousDistributions, 'item')]),
  line('transfersIn', ['其他转入', 'Other transfers in'], plan.transfersIn, 'item'),
  line('distributable', ['可分配收益', 'Distributable income'], plan.distributable, 'subtotal'),
  line('lossesCovered', ['其中：弥补以前年度亏损', 'of which: prior losses covered'], plan.lossesCovered, 'memo'),
  line('reserveBasis', ['公积公益金计提基数', 'Basis of the reserve'], plan.reserveBasis, 'memo'),
  ...plan.steps.map((s) => ({ ...line(s.kind, STEP_NAMES[s.kind], s.amount, 'item'), accounts: [s.account, s.creditAccount] as const })),
  ...(retained.isZero() ? [] : [line('retained', ['集体股分红（留存集体）', "Collective share's dividend (kept by the collective)"], retained, 'memo')]),
  line('undistributed', ['年末未分配收益', 'Undistributed income after the distribution'], plan.undistributed, 'total'),
];

/**
 * The distribution statement of a closed year from its approved plan: the
 * distributable income as the close left it (the same figures as the year's
 * 收益及收益分配表), each step in order, and what stays undistributed.
 * Undefined when the year's income has not been distributed.
 */
export const distributionReportOf = (books: ShareBooks, village: string, year: number): DistributionReport | undefined => {
  const found = books.distributions.get(village);
  const plan = found?.plans.get(year);
  if (plan === undefined) return undefined;
  const retained = found?.declarations.get(year)?.retained ?? Money.zero;
  return {
    village,
    year,
    approvedOn: plan.approvedOn,
    resolution: plan.resolution,
    reservePercent: plan.reservePercent.percentValue(4).toFixed(),
    lines: linesOf(plan, retained),
    undistributed: plan.undistributed,
  };
};
