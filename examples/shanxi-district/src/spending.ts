import { Money } from '@collective-ledger/core';
import { dateIn, dayIn, intBetween, percentOf, pick, split, type Draft, type Random } from './drafts.js';
import { fenBetween } from './random.js';

/** What a village's spending is scaled on: its operating income (501 + 502) and all its income (501 to 504). */
export interface Scale {
  readonly operating: Money;
  readonly total: Money;
}

const paid = (amounts: readonly Money[], debit: string, summary: (random: Random) => string) => (random: Random, year: number): Draft[] =>
  amounts.map((amount) => ({ date: dateIn(random, year), summary: summary(random), debit, credit: '102', amount }));

const OPERATING = ['支付出租房屋维修费', '支付集体企业经营成本', '支付机耕路养护费'] as const;
const WELFARE = ['支付村内道路维修费', '支付环境卫生整治费', '支付困难群众慰问金', '支付村文化广场维护费'] as const;

/** Taxes and surcharges (512) paid each quarter, about 2% of operating income. */
const taxes = ({ operating }: Scale, random: Random, year: number): Draft[] =>
  split(percentOf(operating, 2), 4, random).map((amount, q) => ({
    date: dayIn(random, year, 3 * q + 3),
    summary: `缴纳第${q + 1}季度房产税及附加`,
    debit: '512',
    credit: '102',
    amount,
  }));

/** 管理费用 (513): allowances of the village officials every month. */
const administration = (random: Random, year: number): Draft[] =>
  Array.from({ length: 12 }, (_, m) => ({
    date: dayIn(random, year, m + 1),
    summary: '支付村干部误工补贴',
    debit: '513',
    credit: '102',
    amount: Money.fromFen(fenBetween(random, 3_000, 12_000)),
  }));

/** 备用金: cash drawn from the bank (101 ← 102) and, late in the year, what is left paid back in. */
const cash = (random: Random, year: number): Draft[] => [
  ...Array.from({ length: 3 }, () => ({
    date: dateIn(random, year),
    summary: '提取备用金',
    debit: '101',
    credit: '102',
    amount: Money.fromFen(fenBetween(random, 3_000, 8_000)),
  })),
  { date: dayIn(random, year, 12), summary: '现金存入银行', debit: '102', credit: '101', amount: Money.fromFen(fenBetween(random, 500, 2_000)) },
];

/**
 * A year of spending: operating expenses (511) of 10% to 30% of operating
 * income, taxes (512), administration (513), public welfare (514) of 5% to 15%
 * of all income, now and then another expense (515), and cash movements.
 */
export const spendingDrafts = (scale: Scale, random: Random, year: number): Draft[] => [
  ...paid(split(percentOf(scale.operating, intBetween(random, 10, 30)), intBetween(random, 2, 6), random), '511', (r) => pick(r, OPERATING))(random, year),
  ...taxes(scale, random, year),
  ...administration(random, year),
  ...paid(split(percentOf(scale.total, intBetween(random, 5, 15)), intBetween(random, 1, 3), random), '514', (r) => pick(r, WELFARE))(random, year),
  ...paid(random() < 0.3 ? [Money.fromFen(fenBetween(random, 500, 3_000))] : [], '515', () => '支付合同滞纳金')(random, year),
  ...cash(random, year),
];
