import { Money, allocate } from '@collective-ledger/core';
import { ARTICLE_DATE, TOTAL_ASSETS } from './article.js';
import { depreciationThrough, type AssetStep } from './asset-year.js';
import { intBetween, type Random } from './drafts.js';
import type { OpeningPlan } from './opening.js';
import type { VoucherInput } from './vouchers.js';

const CASH = new Set(['101', '102']);
const MONTHS_TO_ARTICLE_DATE = Number(ARTICLE_DATE.slice(5, 7));

/** What a village's vouchers dated up to the article's date did to its cash (101, 102), in fen. */
const cashFlow = (vouchers: readonly VoucherInput[]): bigint => {
  let fen = 0n;
  for (const voucher of vouchers) {
    if (voucher.date > ARTICLE_DATE) continue;
    for (const line of voucher.lines) {
      if (!CASH.has(line.account)) continue;
      const amount = Money.of(line.amount).toFen();
      fen += line.side === 'debit' ? amount : -amount;
    }
  }
  return fen;
};

/** Resource income received into the bank up to the article's date, in fen. */
const resourceReceipts = (steps: readonly AssetStep[]): bigint =>
  steps.reduce((fen, s) => (s.service === 'recordResourceIncome' && s.date <= ARTICLE_DATE ? fen + Money.of(s.input.amount).toFen() : fen), 0n);

/**
 * A village's assets on the article's date, all but its opening bank
 * balance: receivables, inventory, fixed assets at cost less the depreciation
 * brought in and charged since, investments, and the cash its 2022 vouchers
 * and resource income moved by then. The generator keeps these sums itself;
 * the depreciation is each card's own schedule (the library's planning
 * function, the same rule the runs apply).
 */
const assetsButBank = (plan: OpeningPlan, vouchers: readonly VoucherInput[], steps: readonly AssetStep[]): bigint => {
  const fixed = plan.fixed.reduce((fen, a) => fen + a.cost.toFen() - a.openingDepreciation.toFen() - depreciationThrough(a, MONTHS_TO_ARTICLE_DATE).toFen(), 0n);
  const investments = plan.investments.reduce((fen, i) => fen + i.amount.toFen(), 0n);
  return plan.receivables.toFen() + plan.inventory.toFen() + fixed + investments + cashFlow(vouchers) + resourceReceipts(steps);
};

/**
 * The opening bank balances (102 on 31 December 2021), chosen so that the
 * district's total assets on the article's date are the article's figure:
 * what the other assets leave, allocated over the villages by drawn weights.
 * `campaign` is what each village's contracts and debts did to its assets by
 * then (campaign-year.ts): the income its contracts earned, less the debts it
 * repaid or offset.
 */
export const openingBankBalances = (
  plans: readonly OpeningPlan[],
  { vouchers, steps, campaign }: { readonly vouchers: ReadonlyMap<string, readonly VoucherInput[]>; readonly steps: ReadonlyMap<string, readonly AssetStep[]>; readonly campaign: ReadonlyMap<string, bigint> },
  random: Random,
): Map<string, Money> => {
  const rest = plans.reduce(
    (fen, p) => fen + assetsButBank(p, vouchers.get(p.village.organizationId) ?? [], steps.get(p.village.organizationId) ?? []) + (campaign.get(p.village.organizationId) ?? 0n),
    0n,
  );
  const bank = TOTAL_ASSETS.minus(Money.fromFen(rest));
  if (!bank.isPositive()) throw new Error(`the other assets (${Money.fromFen(rest).toString()}) leave no bank balance under the total of ${TOTAL_ASSETS.toString()}`);
  const parts = allocate(bank, plans.map(() => String(intBetween(random, 10, 100))));
  return new Map(plans.map((p, i) => [p.village.organizationId, parts[i] ?? Money.zero]));
};
