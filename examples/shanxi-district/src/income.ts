import { Money, allocate } from '@collective-ledger/core';
import type { Story } from './district.js';
import { dateIn, dayIn, intBetween, pick, receivedInto, split, type Draft, type Random } from './drafts.js';
import { fenBetween } from './random.js';
import type { Target } from './targets.js';

const RENTS = ['收到土地发包收入', '收到房屋出租租金', '收到厂房出租租金', '收到机动地承包费', '收到集体林地承包费'] as const;
const INVESTMENT = ['收到村集体公司上交利润', '收到入股企业分红'] as const;
const SUBSIDIES = ['收到村级组织运转经费补助', '收到产业发展奖补资金', '收到人居环境整治补助'] as const;
const OTHER = ['收到银行存款利息', '收到合同违约金', '收到废旧物资变卖收入'] as const;

/** Receipts into one income account, each with a summary drawn from the account's usual ones. */
interface Receipts {
  readonly amounts: readonly Money[];
  readonly credit: string;
  readonly summary: (random: Random) => string;
}

const receipts = ({ amounts, credit, summary }: Receipts, random: Random, year: number): Draft[] =>
  amounts.map((amount) => ({ date: dateIn(random, year), summary: summary(random), debit: receivedInto(amount), credit, amount }));

/** The same summary every month: a business that hands its income over monthly. */
const monthly = ({ total, credit, summary }: { total: Money; credit: string; summary: string }, random: Random, year: number): Draft[] =>
  split(total, 12, random).map((amount, i) => ({ date: dayIn(random, year, i + 1), summary, debit: receivedInto(amount), credit, amount }));

/**
 * 501 and 502 of a village without a story: mostly rents; half the villages
 * also get profit from a company (10% to 40%). `target.fromResources` of the rents is
 * earned by resources the 2022 stock-take found, and recorded with them
 * (asset-year.ts), and `target.fromContracts` by the village's economic
 * contracts, recognised from the contract register (contracts.ts): both are
 * left out of the ordinary rent vouchers.
 */
const ordinaryIncome = (target: Target, random: Random, year: number): Draft[] => {
  const elsewhere = (target.fromResources ?? Money.zero).plus(target.fromContracts ?? Money.zero);
  const invested = random() < 0.5 ? 0 : intBetween(random, 10, 40);
  const [rents = Money.zero, investment = Money.zero] =
    target.investment === undefined ? allocate(target.operating, [String(100 - invested), String(invested)]) : [target.operating.minus(target.investment), target.investment];
  return [
    ...receipts({ amounts: split(rents.minus(elsewhere), intBetween(random, 6, 18), random), credit: '501', summary: (r) => pick(r, RENTS) }, random, year),
    ...receipts({ amounts: split(investment, intBetween(random, 1, 4), random), credit: '502', summary: (r) => pick(r, INVESTMENT) }, random, year),
  ];
};

/** `count` amounts in [min, max) yuan, whole fen drawn as bigints. */
const drawnAmounts = (random: Random, count: number, [minYuan, maxYuan]: readonly [number, number]): Money[] =>
  Array.from({ length: count }, () => Money.fromFen(fenBetween(random, minYuan, maxYuan)));

const storyIncome = (story: Story, target: Target, random: Random, year: number): Draft[] => {
  const fromResources = target.fromResources ?? Money.zero;
  const fromContracts = target.fromContracts ?? Money.zero;
  switch (story) {
    case 'tourism': {
      const [tickets = Money.zero, shows = Money.zero, investment = Money.zero] = allocate(target.operating, ['55', '25', '20']);
      return [
        ...monthly({ total: tickets.minus(fromResources), credit: '501', summary: '收到景区门票分成收入' }, random, year),
        ...monthly({ total: shows.minus(fromContracts), credit: '501', summary: '收到游乐项目经营收入' }, random, year),
        ...receipts({ amounts: split(investment, 4, random), credit: '502', summary: () => '收到文旅公司上交利润' }, random, year),
      ];
    }
    case 'red-tourism':
      return receipts(
        { amounts: split(target.operating.minus(fromContracts), 9, random), credit: '501', summary: (r) => pick(r, ['收到研学接待收入', '收到采摘园承包费', '收到农家乐场地租金']) },
        random,
        year,
      );
    case 'clothing-workshop': {
      const workshop = Money.of('200000');
      return [
        ...monthly({ total: workshop, credit: '501', summary: '收到服装加工厂加工费收入' }, random, year),
        ...ordinaryIncome({ operating: target.operating.minus(workshop), investment: Money.zero, fromResources, fromContracts }, random, year),
      ];
    }
    case 'property-company':
      return [
        ...receipts({ amounts: split(target.investment ?? Money.zero, 4, random), credit: '502', summary: () => '收到物业服务公司上交利润' }, random, year),
        ...ordinaryIncome({ operating: target.operating.minus(target.investment ?? Money.zero), investment: Money.zero, fromResources, fromContracts }, random, year),
      ];
  }
};

/**
 * Every 2022 income voucher of a village: its operating income (501, 502)
 * adding up exactly to the target less `target.fromResources` (the part its newly
 * found resources earn, recorded with them) and `target.fromContracts` (what
 * its contracts earn, recognised from the register), then subsidies (503) and other
 * income (504), which only the total basis counts.
 */
export const incomeDrafts = (story: Story | undefined, target: Target, random: Random, year: number): Draft[] => [
  ...(story === undefined ? ordinaryIncome(target, random, year) : storyIncome(story, target, random, year)),
  ...receipts({ amounts: drawnAmounts(random, intBetween(random, 1, 3), [20_000, 150_000]), credit: '503', summary: (r) => pick(r, SUBSIDIES) }, random, year),
  ...receipts({ amounts: drawnAmounts(random, intBetween(random, 0, 2), [500, 20_000]), credit: '504', summary: (r) => pick(r, OTHER) }, random, year),
];
