import { Money } from '@collective-ledger/core';
import type { Village } from './district.js';
import { dateIn, type Draft, type Random } from './drafts.js';
import { incomeDrafts } from './income.js';
import { fenBetween } from './random.js';
import { spendingDrafts } from './spending.js';
import type { Target } from './targets.js';

export interface VoucherInput {
  readonly organizationId: string;
  readonly voucherNo: string;
  readonly date: string;
  readonly summary: string;
  readonly lines: readonly { readonly account: string; readonly side: 'debit' | 'credit'; readonly amount: string }[];
  readonly reverses?: string;
}

/** A rent entered twice by mistake, and the reversal (冲销) that cancels the copy: it nets to nothing. */
const mistake = (random: Random, year: number): Draft[] => {
  const copy: Draft = {
    date: dateIn(random, year),
    summary: '收到房屋出租租金（重复入账）',
    debit: '102',
    credit: '501',
    amount: Money.fromFen(fenBetween(random, 5_000, 40_000)),
  };
  return [copy, { date: copy.date, summary: '冲销重复入账的房屋租金', debit: '501', credit: '102', amount: copy.amount, reverses: copy }];
};

const voucherNo = (index: number): string => `记-${String(index + 1).padStart(3, '0')}`;

/** Number the drafts in date order (a stable sort keeps a reversal after what it reverses) and write them as voucher inputs. */
const numbered = (organizationId: string, drafts: readonly Draft[]): VoucherInput[] => {
  const sorted = [...drafts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const numbers = new Map(sorted.map((draft, i) => [draft, voucherNo(i)]));
  return sorted.map((draft, i) => {
    const reverses = draft.reverses === undefined ? undefined : numbers.get(draft.reverses);
    return {
      organizationId,
      voucherNo: voucherNo(i),
      date: draft.date,
      summary: draft.summary,
      lines: [
        { account: draft.debit, side: 'debit', amount: draft.amount.toString() },
        { account: draft.credit, side: 'credit', amount: draft.amount.toString() },
      ],
      ...(reverses === undefined ? {} : { reverses }),
    };
  });
};

const sumOf = (drafts: readonly Draft[], accounts: readonly string[]): Money =>
  Money.sum(drafts.filter((d) => accounts.includes(d.credit)).map((d) => d.amount));

/**
 * A village's year of vouchers: its income (the operating part adding up
 * exactly to its target, with what its newly found resources earn,
 * `target.fromResources`, recorded by the asset register instead, and what
 * its contracts earn, `target.fromContracts`, recognised by the contract register), its spending
 * scaled on that income, cash movements, and for about one village in six a
 * rent entered twice and reversed. The opening of the books is in opening.ts.
 */
export const yearOfVouchers = (village: Village, target: Target, random: Random, year: number): VoucherInput[] => {
  const elsewhere = (target.fromResources ?? Money.zero).plus(target.fromContracts ?? Money.zero);
  const income = incomeDrafts(village.story, target, random, year);
  const scale = { operating: sumOf(income, ['501', '502']).plus(elsewhere), total: sumOf(income, ['501', '502', '503', '504']).plus(elsewhere) };
  if (!scale.operating.equals(target.operating)) {
    throw new Error(`${village.organizationId}: the vouchers add up to ${scale.operating.toString()}, not the target ${target.operating.toString()}`);
  }
  const drafts = [...income, ...spendingDrafts(scale, random, year), ...(random() < 0.17 ? mistake(random, year) : [])];
  return numbered(village.organizationId, drafts);
};
