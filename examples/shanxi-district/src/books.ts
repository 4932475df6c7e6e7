import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { InMemoryEventStore, Money, assets, coreCatalog, ledger, organization, writeLedger, type CommandContext } from '@collective-ledger/core';
import { campaignPlan, campaignRandom, contractBudgets, type CampaignStep } from './campaign-year.js';
import { runCampaignStep } from './campaign-run.js';
import { BOOKS_OPENED_ON } from './article.js';
import { assetYear, newResourceIncome, type AssetStep } from './asset-year.js';
import { openingBankBalances } from './balance.js';
import { district, townships, villages } from './district.js';
import { openingPlans, RESIDUAL_RATE, type OpeningPlan } from './opening.js';
import { seeded, sequentialIds } from './random.js';
import { targetsFor, type Target } from './targets.js';
import { yearOfVouchers, type VoucherInput } from './vouchers.js';

export const YEAR = 2022;
const SEED = 20220804;

const orFail = <E extends { readonly message: string }, A>(result: Either<E, A>): A => {
  if (isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

type Context = CommandContext;

/** A target with the part of its income recorded by a register, when it has one. */
const withPart = (target: Target, part: 'fromResources' | 'fromContracts', amount: Money | undefined): Target => (amount === undefined ? target : { ...target, [part]: amount });
type Envelope = () => { readonly commandId: string; readonly actor: string };
type VoucherLine = ledger.PostVoucherInput['lines'][number];

/**
 * 建账 on 31 December 2021: sub-accounts, the opening voucher (the assets
 * found, against the non-performing debts the books hold and the rest as
 * 301 capital), the resources, the asset cards and the investments, then the
 * year closed.
 */
const openBooks = async (context: Context, envelope: Envelope, plan: OpeningPlan, { bank, debts }: { readonly bank: Money; readonly debts: ReadonlyMap<string, Money> }): Promise<void> => {
  const organizationId = plan.village.organizationId;
  for (const [code, nameZh] of [['15101', '经营性固定资产'], ['15102', '非经营性固定资产']] as const) {
    orFail(await ledger.declareSubAccount(context, { ...envelope(), occurredOn: BOOKS_OPENED_ON, input: { organizationId, code, nameZh } }));
  }
  const balances: readonly (readonly [string, Money])[] = [['102', bank], ['112', plan.receivables], ['121', plan.inventory]];
  const debits = balances.filter(([, m]) => m.isPositive());
  const owed = [...debts].filter(([, m]) => m.isPositive()).sort(([a], [b]) => (a < b ? -1 : 1));
  const capital = Money.sum(debits.map(([, m]) => m)).minus(Money.sum(owed.map(([, m]) => m)));
  if (!capital.isPositive()) throw new Error(`${organizationId}: the debts exceed the assets of the opening`);
  const lines: ledger.PostVoucherInput['lines'] = [
    ...debits.map(([account, amount]): VoucherLine => ({ account, side: 'debit', amount: amount.toString() })),
    ...owed.map(([account, amount]): VoucherLine => ({ account, side: 'credit', amount: amount.toString() })),
    { account: '301', side: 'credit', amount: capital.toString() },
  ];
  orFail(await ledger.postVoucher(context, { ...envelope(), input: { organizationId, voucherNo: '记-001', date: BOOKS_OPENED_ON, summary: '建账：清产核资后登记期初余额', lines } }));
  for (const r of plan.resources) {
    orFail(await assets.registerResourceAsset(context, { ...envelope(), input: { organizationId, ...r, registeredOn: BOOKS_OPENED_ON, identifiedBy: 'register' } }));
  }
  for (const a of plan.fixed) {
    const input: assets.AcquireFixedAssetInput = {
      organizationId,
      assetId: a.assetId,
      name: a.name,
      category: a.category,
      acquisition: 'opening',
      acquiredOn: BOOKS_OPENED_ON,
      cost: a.cost.toString(),
      usefulLifeMonths: a.usefulLifeMonths,
      residualRate: RESIDUAL_RATE.percentValue(0).toFixed(),
      method: 'straight-line',
      chargeAccount: a.chargeAccount,
      openingDepreciation: a.openingDepreciation.toString(),
      openingMonths: a.openingMonths,
    };
    orFail(await assets.acquireFixedAsset(context, { ...envelope(), input }));
  }
  for (const i of plan.investments) {
    const input = { organizationId, investmentId: i.investmentId, investee: i.investee, madeOn: BOOKS_OPENED_ON, amount: i.amount.toString(), paidFrom: '301' };
    orFail(await assets.makeLongTermInvestment(context, { ...envelope(), input }));
  }
  orFail(await ledger.closeYear(context, { ...envelope(), input: { organizationId, year: YEAR - 1 } }));
};

/** Send an asset step to its service. */
const runStep = (context: Context, request: ReturnType<Envelope>, step: AssetStep): Promise<assets.AssetOutcome> => {
  switch (step.service) {
    case 'registerResourceAsset':
      return assets.registerResourceAsset(context, { ...request, input: step.input });
    case 'recordResourceIncome':
      return assets.recordResourceIncome(context, { ...request, input: step.input });
    case 'chargeDepreciation':
      return assets.chargeDepreciation(context, { ...request, input: step.input });
    case 'reclassifyFixedAsset':
      return assets.reclassifyFixedAsset(context, { ...request, input: step.input });
    case 'acquireFixedAsset':
      return assets.acquireFixedAsset(context, { ...request, input: step.input });
  }
};

/** The 2022 books of a village: its vouchers, its asset commands in date order, and the year-end close. */
interface VillageYear {
  readonly organizationId: string;
  readonly vouchers: readonly VoucherInput[];
  readonly steps: readonly AssetStep[];
  readonly campaign: readonly CampaignStep[];
}

const keepYear = async (context: Context, envelope: Envelope, { organizationId, vouchers, steps, campaign }: VillageYear): Promise<void> => {
  for (const voucher of vouchers) orFail(await ledger.postVoucher(context, { ...envelope(), input: voucher }));
  for (const step of steps) orFail(await runStep(context, envelope(), step));
  for (const step of campaign) await runCampaignStep(context, envelope(), step);
  orFail(await ledger.closeYear(context, { ...envelope(), input: { organizationId, year: YEAR } }));
};

/**
 * The district's books through the public API. Registered, and the books
 * opened, on 31 December 2021 from the stock-take (清产核资): opening balances,
 * resource assets, fixed-asset cards with their depreciation so far, and
 * investments; 2021 closed. Then each village's 2022: its vouchers, the
 * monthly depreciation runs, the stock-take's newly found resources and their
 * income, the clothing workshop's farmhouses reclassified, and the year
 * closed (年终结账). Deterministic: the same events every run.
 */
export const buildDistrictBooks = async (): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore({ now: () => new Date(`${YEAR + 1}-01-10T08:00:00.000Z`) });
  const context = { store, catalog: coreCatalog, newId: sequentialIds(YEAR) };
  let command = 0;
  const envelope = () => ({ commandId: `shanxi-${(command += 1)}`, actor: 'example-builder' });
  const registrations = [district, ...townships, ...villages.map(({ story: _story, ...village }) => village)];
  for (const input of registrations) {
    orFail(await organization.registerOrganization(context, { ...envelope(), input, occurredOn: BOOKS_OPENED_ON }));
  }
  const random = seeded(SEED);
  const targets = targetsFor(villages, random);
  const fromResources = newResourceIncome(villages, targets);
  const draws = campaignRandom(SEED);
  const withResources = new Map([...targets].map(([id, t]) => [id, withPart(t, 'fromResources', fromResources.get(id))] as const));
  const budgets = contractBudgets(villages, withResources, draws);
  const vouchers = new Map(
    villages.map((village) => {
      const target = withResources.get(village.organizationId);
      if (target === undefined) throw new Error(`no target for ${village.organizationId}`);
      return [village.organizationId, yearOfVouchers(village, withPart(target, 'fromContracts', budgets.get(village.organizationId)), random, YEAR)] as const;
    }),
  );
  const plans = openingPlans(villages, random);
  const steps = new Map(plans.map((plan) => [plan.village.organizationId, assetYear(plan, fromResources.get(plan.village.organizationId), random)] as const));
  const campaign = campaignPlan(plans, budgets, draws);
  const banks = openingBankBalances(plans, { vouchers, steps, campaign: campaign.assetsByArticleDate }, random);
  for (const plan of plans) {
    const id = plan.village.organizationId;
    await openBooks(context, envelope, plan, { bank: banks.get(id) ?? Money.zero, debts: campaign.openingDebts.get(id) ?? new Map() });
    await keepYear(context, envelope, { organizationId: id, vouchers: vouchers.get(id) ?? [], steps: steps.get(id) ?? [], campaign: campaign.steps.get(id) ?? [] });
  }
  return store;
};

/** Every event of the store as an NDJSON ledger file (docs/ledger-format.md). */
export const ledgerText = async (store: InMemoryEventStore): Promise<string> => {
  const lines: string[] = [];
  for await (const line of writeLedger(store.readAll())) lines.push(line);
  return lines.join('');
};
