/**
 * A synthetic district for the dividends benchmark: villages of 100 members
 * in 25 households, each with a charter and quantified shares, one year of
 * books (rent income and costs) closed. The organization and member events
 * are written straight into the store (encoded and valid for the catalog);
 * the charter, quantification, sub-accounts, vouchers and close go through
 * the services. The generator keeps the dividend pool each plan must find.
 */
import { Money, coreCatalog, ledger, organization, shares, type CommandContext, type InMemoryEventStore, type JsonObject, type NewEvent } from '@collective-ledger/core';

export const YEAR = 2023;
export const MEMBERS_PER_VILLAGE = 100;
const HOUSEHOLDS_PER_VILLAGE = 25;

let n = 0;
const uuid = (): string => `00000000-0000-4000-8000-${(n += 1).toString(16).padStart(12, '0')}`;
const event = (type: string, data: JsonObject, occurredOn: string): NewEvent => ({ type, data, metadata: { eventId: uuid(), occurredOn, actor: 'bench', schemaVersion: 1 } });

export const benchVillage = (v: number): string => `v-${String(v).padStart(4, '0')}`;

const orFail = (result: { readonly _tag: 'Left'; readonly left: { readonly message: string } } | { readonly _tag: 'Right' }): void => {
  if (result._tag === 'Left') throw new Error(result.left.message);
};

/** The village's register: organization, households and founding members, one append. */
const registerEvents = (village: string): NewEvent[] => {
  const on = '2020-01-01';
  const events = [event('OrganizationRegistered', { organizationId: village, kind: 'village', code: village, name: `第${village}村`, parentId: 'd' }, on)];
  for (let h = 0; h < HOUSEHOLDS_PER_VILLAGE; h += 1) events.push(event('HouseholdRegistered', { organizationId: village, householdId: `h${h}`, head: `户主${h}` }, on));
  for (let m = 0; m < MEMBERS_PER_VILLAGE; m += 1) {
    const data = { organizationId: village, memberId: `m${String(m).padStart(3, '0')}`, householdId: `h${m % HOUSEHOLDS_PER_VILLAGE}`, name: `成员${m}`, joinedOn: on, reason: 'founding' };
    events.push(event('MemberJoined', data, on));
  }
  return events;
};

const CHARTER: Omit<shares.AdoptCharterInput, 'organizationId'> = {
  adoptedOn: '2020-06-01',
  resolution: '章程',
  classes: [
    { classId: 'member', nameZh: '成员股', heldBy: 'member' },
    { classId: 'labour', nameZh: '农龄股', heldBy: 'member' },
    { classId: 'collective', nameZh: '集体股', heldBy: 'collective' },
  ],
  reservePercent: '20',
  onLeaving: 'keep',
  transfersAllowed: true,
};

/** Labour-age shares of member m: 0.1 to 4.0 (whole tenths, written as text), so the weights differ and the fen left over must be placed. */
const labour = (v: number, m: number): string => {
  const tenths = ((v * 31 + m * 17) % 40) + 1;
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
};

const allotments = (v: number) => [
  ...Array.from({ length: MEMBERS_PER_VILLAGE }, (_, m) => [
    { memberId: `m${String(m).padStart(3, '0')}`, classId: 'member', shares: '1' },
    { memberId: `m${String(m).padStart(3, '0')}`, classId: 'labour', shares: labour(v, m) },
  ]).flat(),
  { classId: 'collective', shares: '25' },
];

/** Income of village v in fen: 200,000.00 to 2,199,999.99. */
const incomeFen = (v: number): bigint => 20_000_000n + BigInt((v * 7_919_993) % 200_000_000);

const halfUp = (a: bigint, p: bigint, q: bigint): bigint => (a * p * 2n + q) / (2n * q);

export const PLAN_STEPS: shares.DistributeIncomeInput['steps'] = [
  { kind: 'reserve', account: '32201' },
  { kind: 'dividends', account: '32202', percent: '60', recordDate: `${YEAR}-12-31`, weights: [{ classId: 'labour', weight: '0.5' }] },
];

/** Build the district; returns the sum of the dividend pools the plans must declare, in fen. */
export const buildDistrict = async (store: InMemoryEventStore, villages: number): Promise<bigint> => {
  const context: CommandContext = { store, catalog: coreCatalog };
  let c = 0;
  const envelope = () => ({ commandId: `b-${(c += 1)}`, actor: 'bench' });
  orFail(await organization.registerOrganization(context, { ...envelope(), occurredOn: '2020-01-01', input: { organizationId: 'd', kind: 'district', code: '1', name: '基准区' } }));
  let pools = 0n;
  for (let v = 0; v < villages; v += 1) {
    const village = benchVillage(v);
    await store.append(organization.organizationStream(village), registerEvents(village), { expectedRevision: 'no_stream' });
    orFail(await shares.adoptShareCharter(context, { ...envelope(), input: { organizationId: village, ...CHARTER } }));
    orFail(await shares.quantifyShares(context, { ...envelope(), input: { organizationId: village, baseDate: '2020-12-31', resolution: '折股', operatingNetAssets: '1000000.00', allotments: allotments(v) } }));
    for (const [code, nameZh] of [['32201', '提取公积公益金'], ['32202', '成员分红'], ['32203', '未分配收益']] as const) {
      orFail(await ledger.declareSubAccount(context, { ...envelope(), occurredOn: '2023-01-01', input: { organizationId: village, code, nameZh } }));
    }
    const income = incomeFen(v);
    const cost = income / 4n;
    const post = ([voucherNo, date]: readonly [string, string], [debit, credit]: readonly [string, string], fen: bigint) => {
      const lines: ledger.PostVoucherInput['lines'] = [{ account: debit, side: 'debit', amount: Money.fromFen(fen).toString() }, { account: credit, side: 'credit', amount: Money.fromFen(fen).toString() }];
      return ledger.postVoucher(context, { ...envelope(), input: { organizationId: village, voucherNo, date, summary: voucherNo, lines } });
    };
    orFail(await post(['记-001', '2023-06-30'], ['102', '501'], income));
    orFail(await post(['记-002', '2023-09-30'], ['511', '102'], cost));
    orFail(await ledger.closeYear(context, { ...envelope(), input: { organizationId: village, year: YEAR } }));
    const net = income - cost;
    pools += halfUp(net - halfUp(net, 20n, 100n), 60n, 100n);
  }
  return pools;
};
