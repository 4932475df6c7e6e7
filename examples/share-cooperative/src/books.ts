import { InMemoryEventStore, coreCatalog, ledger, organization, shares, writeLedger, type CommandContext } from '@collective-ledger/core';
import { APPROVED_ON, BOOKS_OPENED_ON, CHARTER, DISTRIBUTION_ACCOUNTS, FOUNDED_ON, PAID_ON, PLAN_STEPS, QUANTIFIED_ON, RESOLUTION, SEED, VILLAGE, VILLAGE_NAME, YEAR } from './cooperative.js';
import { labourShares, plannedHouseholds, type PlannedHousehold } from './members.js';
import { orFail } from './or-fail.js';
import { seeded, sequentialIds } from './random.js';
import { changesOf2023 } from './register-changes.js';
import { vouchersOf2023 } from './vouchers.js';


type Context = CommandContext;
export type Envelope = () => { readonly commandId: string; readonly actor: string };

const registerVillage = async (context: Context, envelope: Envelope, households: readonly PlannedHousehold[]): Promise<void> => {
  const register = async (input: organization.RegisterOrganizationInput) => orFail(await organization.registerOrganization(context, { ...envelope(), occurredOn: FOUNDED_ON, input }));
  await register({ organizationId: 'bg', kind: 'district', code: '140105', name: '示范郊区' });
  await register({ organizationId: 'bgz', kind: 'township', code: '140105001', name: '北格镇', parentId: 'bg' });
  await register({ organizationId: VILLAGE, kind: 'village', code: '140105001201', name: VILLAGE_NAME, parentId: 'bgz' });
  for (const h of households) {
    orFail(await organization.registerHousehold(context, { ...envelope(), occurredOn: FOUNDED_ON, input: { organizationId: VILLAGE, householdId: h.householdId, head: h.head } }));
    for (const m of h.members) {
      const input: organization.AdmitMemberInput = { organizationId: VILLAGE, memberId: m.memberId, householdId: h.householdId, name: m.name, joinedOn: FOUNDED_ON, reason: 'founding' };
      orFail(await organization.admitMember(context, { ...envelope(), input }));
    }
  }
};

/** 折股量化: one member share a head, labour-age shares by years of work, and a collective share of a quarter of the members' shares. */
const quantify = async (context: Context, envelope: Envelope, households: readonly PlannedHousehold[]): Promise<void> => {
  const members = households.flatMap((h) => h.members);
  const allotments = members.flatMap((m): shares.QuantifySharesInput['allotments'] => [
    { memberId: m.memberId, classId: 'member', shares: '1' },
    ...(m.labourYears > 0 ? [{ memberId: m.memberId, classId: 'labour', shares: labourShares(m.labourYears) }] : []),
  ]);
  const memberTenths = members.reduce((sum, m) => sum + 10 + m.labourYears, 0);
  allotments.push({ classId: 'collective', shares: String(Math.round(memberTenths / 40)) });
  orFail(await shares.adoptShareCharter(context, { ...envelope(), input: { organizationId: VILLAGE, ...CHARTER } }));
  const input = { organizationId: VILLAGE, baseDate: QUANTIFIED_ON, resolution: '张庄村成员代表大会决议〔2020〕6号（折股量化方案）', operatingNetAssets: '12000000.00', allotments };
  orFail(await shares.quantifyShares(context, { ...envelope(), input }));
};

/**
 * The cooperative's books through the public API: the founding register, the
 * charter and the quantification (2020), the books of 2023 opened, a year of
 * vouchers and register changes, the year closed; then the 2024 distribution
 * of 2023's income and the payment of the dividends, a few left unclaimed.
 */
export const buildCooperativeBooks = async (): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  const context: Context = { store, catalog: coreCatalog, newId: sequentialIds(SEED) };
  let n = 0;
  const envelope: Envelope = () => ({ commandId: `coop-${(n += 1)}`, actor: '张庄村报账员' });
  const households = plannedHouseholds(SEED);
  await registerVillage(context, envelope, households);
  await quantify(context, envelope, households);
  for (const [code, nameZh] of DISTRIBUTION_ACCOUNTS) {
    orFail(await ledger.declareSubAccount(context, { ...envelope(), occurredOn: BOOKS_OPENED_ON, input: { organizationId: VILLAGE, code, nameZh } }));
  }
  const random = seeded(SEED + 1);
  for (const voucher of vouchersOf2023(random)) orFail(await ledger.postVoucher(context, { ...envelope(), input: { organizationId: VILLAGE, ...voucher } }));
  await changesOf2023(context, envelope, households);
  orFail(await ledger.closeYear(context, { ...envelope(), input: { organizationId: VILLAGE, year: YEAR } }));
  const plan = { organizationId: VILLAGE, year: YEAR, approvedOn: APPROVED_ON, resolution: RESOLUTION, steps: PLAN_STEPS };
  const distributed = orFail(await shares.distributeIncome(context, { ...envelope(), input: plan }));
  const declared = distributed.events.find((e) => e.type === 'DividendsDeclared');
  const holders = declared?.type === 'DividendsDeclared' ? declared.data.dividends : [];
  // Members who did not come to collect stay payable (unclaimed dividends).
  const collected = holders.filter(() => random() >= 0.06).map((d) => ({ memberId: d.memberId }));
  orFail(await shares.payDividends(context, { ...envelope(), input: { organizationId: VILLAGE, year: YEAR, paidOn: PAID_ON, account: '102', payments: collected } }));
  return store;
};

export const ledgerText = async (store: InMemoryEventStore): Promise<string> => {
  let text = '';
  for await (const line of writeLedger(store.readAll())) text += line;
  return text;
};
