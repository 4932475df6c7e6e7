import { BOOKS_OPENED_ON, YEAR } from './cooperative.js';
import { fenBetween, yuan } from './random.js';

export interface VoucherInput {
  readonly voucherNo: string;
  readonly date: string;
  readonly summary: string;
  readonly lines: readonly { readonly account: string; readonly side: 'debit' | 'credit'; readonly amount: string }[];
}

const month = (m: number): string => String(m).padStart(2, '0');

/**
 * 2023 in the cooperative's books: the opening balance (bank and capital),
 * each month the rents of the land and buildings it leases out (501) and its
 * running costs (511, 513), each quarter the profit from its stake in the
 * county's kiwi company (502). All amounts are whole fen from the seeded generator.
 */
export const vouchersOf2023 = (random: () => number): VoucherInput[] => {
  const vouchers: VoucherInput[] = [];
  let n = 0;
  const add = (date: string, summary: string, lines: VoucherInput['lines']) => vouchers.push({ voucherNo: `记-${String((n += 1)).padStart(3, '0')}`, date, summary, lines });
  const pair = (debit: string, credit: string, fen: bigint) => [
    { account: debit, side: 'debit' as const, amount: yuan(fen) },
    { account: credit, side: 'credit' as const, amount: yuan(fen) },
  ];
  add(BOOKS_OPENED_ON, '建账：期初银行存款及资本', pair('102', '301', 2_000_000_00n));
  for (let m = 1; m <= 12; m += 1) {
    add(`${YEAR}-${month(m)}-10`, `${m}月 土地及厂房租金`, pair('102', '501', fenBetween(random, 90_000, 130_000)));
    add(`${YEAR}-${month(m)}-20`, `${m}月 经营支出`, pair('511', '102', fenBetween(random, 15_000, 25_000)));
    add(`${YEAR}-${month(m)}-25`, `${m}月 管理费用`, pair('513', '102', fenBetween(random, 6_000, 9_000)));
    if (m % 3 === 0) add(`${YEAR}-${month(m)}-28`, `第${m / 3}季度 猕猴桃公司投资分红`, pair('102', '502', fenBetween(random, 60_000, 90_000)));
  }
  return vouchers;
};
