import { Money, type debts } from '@collective-ledger/core';
import { ARTICLE_DATE } from './article.js';
import { arrearsOf, paymentsOf } from './collection.js';
import { contractBudget } from './contract-budget.js';
import { contractSkeletons, withAmounts, type PlannedContract } from './contract-plan.js';
import { reviewOf } from './contract-review.js';
import { contractSteps, type ContractStep } from './contract-steps.js';
import type { Village } from './district.js';
import { debtResolutions, plannedDebts, type DebtStep } from './debt-plan.js';
import type { Random } from './drafts.js';
import type { OpeningPlan } from './opening.js';
import { seeded } from './random.js';
import { shuffled, type Target } from './targets.js';

/** A command of the campaign (清化收) in 2022: a contract command, or a debt put on the register or resolved. */
export type CampaignStep =
  | ContractStep
  | { readonly service: 'recordDebt'; readonly date: string; readonly rank: 0; readonly input: debts.RecordDebtInput }
  | (DebtStep & { readonly rank: 6 });

/** What the campaign adds to each village's books. */
export interface CampaignPlan {
  /** Its commands in date order. */
  readonly steps: ReadonlyMap<string, readonly CampaignStep[]>;
  /** Its non-performing debts by liability account, brought into the opening voucher (the books held them before the register did). */
  readonly openingDebts: ReadonlyMap<string, ReadonlyMap<string, Money>>;
  /** What the campaign does to its assets by the article's date, in fen: the contract income recognised (a receivable, or cash), less debts repaid or offset. */
  readonly assetsByArticleDate: ReadonlyMap<string, bigint>;
}

/** The campaign draws from its own generator, so the vouchers and assets draw what they drew before it. */
export const campaignRandom = (seed: number): Random => seeded(seed + 1);

/** Each village's contracts' income of 2022 (`Target.fromContracts`), drawn before its vouchers. */
export const contractBudgets = (villages: readonly Village[], targets: ReadonlyMap<string, Target>, random: Random): Map<string, Money> =>
  new Map(
    villages.map((v) => {
      const target = targets.get(v.organizationId);
      if (target === undefined) throw new Error(`no target for ${v.organizationId}`);
      return [v.organizationId, contractBudget(v, target, random)] as const;
    }),
  );

const sumFen = (amounts: readonly bigint[]): bigint => amounts.reduce((a, b) => a + b, 0n);

/**
 * The campaign over the district: the contracts (registered, reviewed,
 * recognised and paid), their arrears and what is collected of them, and the
 * non-performing debts and their resolutions, village by village.
 */
export const campaignPlan = (plans: readonly OpeningPlan[], budgets: ReadonlyMap<string, Money>, random: Random): CampaignPlan => {
  const longVillages = new Set(shuffled(plans.map((p) => p.village.organizationId), random).slice(0, 12));
  const planned = withAmounts(contractSkeletons(plans, budgets, longVillages, random), budgets);
  const { arrears, unpaid } = arrearsOf(planned, random);
  const reviews = reviewOf(planned, unpaid, random);
  const receipts = paymentsOf(planned, arrears, reviews, random);
  const debtsPlanned = plannedDebts(plans.map((p) => p.village), random);
  const resolutions = debtResolutions(debtsPlanned, new Map(plans.map((p) => [p.village.organizationId, p.receivables] as const)), random);
  const steps = new Map<string, CampaignStep[]>();
  const openingDebts = new Map<string, Map<string, Money>>();
  const assetsByArticleDate = new Map<string, bigint>();
  const byVillage = new Map<string, PlannedContract[]>();
  for (const c of planned) byVillage.set(c.organizationId, [...(byVillage.get(c.organizationId) ?? []), c]);
  for (const { village } of plans) {
    const id = village.organizationId;
    const own = byVillage.get(id) ?? [];
    const records = debtsPlanned.filter((d) => d.village.organizationId === id);
    const resolved = resolutions.filter((s) => s.input.organizationId === id);
    const accounts = new Map<string, Money>();
    for (const d of records) accounts.set(d.record.account, (accounts.get(d.record.account) ?? Money.zero).plus(d.amount));
    openingDebts.set(id, accounts);
    const recognised = sumFen(own.flatMap((c) => c.schedule.filter((i) => i.dueOn <= ARTICLE_DATE).map((i) => i.fen)));
    const paidOut = sumFen(resolved.filter((s) => (s.service === 'repayDebt' || s.service === 'offsetDebt') && s.date <= ARTICLE_DATE).map((s) => Money.of(s.input.amount).toFen()));
    assetsByArticleDate.set(id, recognised - paidOut);
    const all: CampaignStep[] = [
      ...contractSteps(id, own, { reviews, receipts }, random),
      ...records.map((d): CampaignStep => ({ service: 'recordDebt', date: d.record.recordedOn, rank: 0, input: d.record })),
      ...resolved.map((s): CampaignStep => ({ ...s, rank: 6 })),
    ];
    steps.set(id, all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.rank - b.rank)));
  }
  return { steps, openingDebts, assetsByArticleDate };
};
