import { Money } from '@collective-ledger/core';
import { fenBetween } from './random.js';

/** A kind of everyday voucher a village posts, with the accounts it moves (2023 chart). */
interface VoucherKind {
  readonly summary: string;
  readonly debit: string;
  readonly credit: string;
  readonly minYuan: number;
  readonly maxYuan: number;
}

const kinds: readonly VoucherKind[] = [
  { summary: '收到土地发包租金', debit: '102', credit: '501', minYuan: 5_000, maxYuan: 60_000 },
  { summary: '收到村办企业上交利润', debit: '102', credit: '502', minYuan: 10_000, maxYuan: 120_000 },
  { summary: '收到财政运转补助', debit: '102', credit: '503', minYuan: 20_000, maxYuan: 80_000 },
  { summary: '支付村干部误工补贴', debit: '513', credit: '102', minYuan: 2_000, maxYuan: 9_000 },
  { summary: '支付道路维修费用', debit: '514', credit: '102', minYuan: 1_000, maxYuan: 30_000 },
  { summary: '提取备用金', debit: '101', credit: '102', minYuan: 500, maxYuan: 3_000 },
];

export interface VoucherInput {
  readonly organizationId: string;
  readonly voucherNo: string;
  readonly date: string;
  readonly summary: string;
  readonly lines: readonly { readonly account: string; readonly side: 'debit' | 'credit'; readonly amount: string }[];
}

/** Two vouchers a month for a year, of kinds and amounts drawn from the seeded generator. */
export const yearOfVouchers = (organizationId: string, year: number, random: () => number): VoucherInput[] => {
  const out: VoucherInput[] = [];
  for (let month = 1; month <= 12; month += 1) {
    for (const day of [10, 25]) {
      const kind = kinds[Math.floor(random() * kinds.length)] ?? kinds[0];
      if (kind === undefined) continue;
      const amount = Money.fromFen(fenBetween(random, kind.minYuan, kind.maxYuan)).toString();
      out.push({
        organizationId,
        voucherNo: `记-${String(out.length + 1).padStart(3, '0')}`,
        date: `${year}-${String(month).padStart(2, '0')}-${day}`,
        summary: kind.summary,
        lines: [
          { account: kind.debit, side: 'debit', amount },
          { account: kind.credit, side: 'credit', amount },
        ],
      });
    }
  }
  return out;
};
