/**
 * Villages with books of a given age for the books-age benchmark, built
 * through the services as an application would: a share cooperative of 20
 * members in 5 households with a charter and quantified shares, three fixed
 * assets bought in January of the first year; then every year a voucher a
 * month, twelve depreciation runs and the year-end close, and in the January
 * after, the year's income distributed and its dividends paid to all but
 * three members (their dividends stay payable and are carried by every
 * close). The books stop on 20 January of the open year, after that
 * distribution, so a village of any age is at the same point of its year.
 */
import { assets, ledger, organization, shares, type CommandContext } from '@collective-ledger/core';

export const FIRST_YEAR = 2015;
const MEMBERS = 20;
/** Members who do not come for their dividends: paid later, by the timed payment. */
export const UNPAID = ['m17', 'm18', 'm19'] as const;

export const ageVillage = (v: number): string => `v-${String(v).padStart(4, '0')}`;

const memberId = (m: number): string => `m${String(m).padStart(2, '0')}`;

type Outcome = { readonly _tag: 'Left'; readonly left: { readonly message: string } } | { readonly _tag: 'Right' };

const orFail = (result: Outcome): void => {
  if (result._tag === 'Left') throw new Error(result.left.message);
};

const CHARTER: Omit<shares.AdoptCharterInput, 'organizationId'> = {
  adoptedOn: `${FIRST_YEAR - 1}-06-01`,
  resolution: '章程',
  classes: [
    { classId: 'member', nameZh: '成员股', heldBy: 'member' },
    { classId: 'collective', nameZh: '集体股', heldBy: 'collective' },
  ],
  reservePercent: '20',
  onLeaving: 'keep',
  transfersAllowed: true,
};

const ASSETS = [
  { assetId: 'f1', name: '仓库', cost: '360000.00', usefulLifeMonths: 240, chargeAccount: '511' },
  { assetId: 'f2', name: '农机', cost: '84000.00', usefulLifeMonths: 120, chargeAccount: '511' },
  { assetId: 'f3', name: '村道路灯', cost: '48000.00', usefulLifeMonths: 180, chargeAccount: '514', category: 'non-operating' },
] as const;

/** Builds villages in one store; command ids count up across them. */
export class AgedBooksBuilder {
  private n = 0;

  constructor(private readonly context: CommandContext) {}

  private envelope() {
    return { commandId: `age-${(this.n += 1)}`, actor: 'bench' };
  }

  async district(): Promise<void> {
    const input = { organizationId: 'd', kind: 'district', code: '1', name: '基准区' } as const;
    orFail(await organization.registerOrganization(this.context, { ...this.envelope(), occurredOn: `${FIRST_YEAR - 1}-01-01`, input }));
  }

  /** A village with `years` closed years, stopped on 20 January of the year after. */
  async village(village: string, years: number): Promise<void> {
    await this.found(village);
    for (let year = FIRST_YEAR; year < FIRST_YEAR + years; year += 1) {
      if (year > FIRST_YEAR) await this.distribute(village, year - 1);
      await this.keepBooks(village, year);
      orFail(await ledger.closeYear(this.context, { ...this.envelope(), input: { organizationId: village, year } }));
    }
    await this.distribute(village, FIRST_YEAR + years - 1);
  }

  private async found(village: string): Promise<void> {
    const on = `${FIRST_YEAR - 1}-01-01`;
    const context = this.context;
    orFail(await organization.registerOrganization(context, { ...this.envelope(), occurredOn: on, input: { organizationId: village, kind: 'village', code: village, name: `第${village}村`, parentId: 'd' } }));
    for (let h = 0; h < 5; h += 1) orFail(await organization.registerHousehold(context, { ...this.envelope(), occurredOn: on, input: { organizationId: village, householdId: `h${h}`, head: `户主${h}` } }));
    for (let m = 0; m < MEMBERS; m += 1) {
      const input = { organizationId: village, memberId: memberId(m), householdId: `h${m % 5}`, name: `成员${m}`, joinedOn: on, reason: 'founding' } as organization.AdmitMemberInput;
      orFail(await organization.admitMember(context, { ...this.envelope(), input }));
    }
    orFail(await shares.adoptShareCharter(context, { ...this.envelope(), input: { organizationId: village, ...CHARTER } }));
    const allotments = [...Array.from({ length: MEMBERS }, (_, m) => ({ memberId: memberId(m), classId: 'member', shares: '1' })), { classId: 'collective', shares: '5' }];
    orFail(await shares.quantifyShares(context, { ...this.envelope(), input: { organizationId: village, baseDate: `${FIRST_YEAR - 1}-12-31`, resolution: '折股', operatingNetAssets: '1000000.00', allotments } }));
    const accounts = [['15101', '经营性固定资产'], ['15102', '非经营性固定资产'], ['32201', '提取公积公益金'], ['32202', '成员分红'], ['32203', '未分配收益']] as const;
    for (const [code, nameZh] of accounts) orFail(await ledger.declareSubAccount(context, { ...this.envelope(), occurredOn: on, input: { organizationId: village, code, nameZh } }));
    // The village's capital in the bank, so that the purchases do not overdraw it.
    const lines = [{ account: '102', side: 'debit', amount: '1000000.00' }, { account: '301', side: 'credit', amount: '1000000.00' }] as const;
    const capital: ledger.PostVoucherInput = { organizationId: village, voucherNo: '记-00', date: `${FIRST_YEAR}-01-02`, summary: '收到资本投入', lines: [...lines] };
    orFail(await ledger.postVoucher(context, { ...this.envelope(), input: capital }));
    for (const asset of ASSETS) {
      const input = { category: 'operating', ...asset, organizationId: village, acquisition: 'purchase', acquiredOn: `${FIRST_YEAR}-01-05`, residualRate: '5', method: 'straight-line' } as assets.AcquireFixedAssetInput;
      orFail(await assets.acquireFixedAsset(context, { ...this.envelope(), input }));
    }
  }

  /** A voucher a month (rent in odd months, costs in even ones), each month's depreciation after it. */
  private async keepBooks(village: string, year: number): Promise<void> {
    for (let month = 1; month <= 12; month += 1) {
      const mm = String(month).padStart(2, '0');
      const [debit, credit, amount] = month % 2 === 1 ? ['102', '501', '30000.00'] : ['511', '102', '4000.00'];
      const lines = [{ account: debit, side: 'debit', amount }, { account: credit, side: 'credit', amount }];
      const input = { organizationId: village, voucherNo: `记-${mm}`, date: `${year}-${mm}-25`, summary: month % 2 === 1 ? '租金收入' : '管理费用', lines } as ledger.PostVoucherInput;
      orFail(await ledger.postVoucher(this.context, { ...this.envelope(), input }));
      orFail(await assets.chargeDepreciation(this.context, { ...this.envelope(), input: { organizationId: village, month: `${year}-${mm}` } }));
    }
  }

  /** `year`'s income distributed on 10 January of the next year, its dividends paid on the 20th to all but the UNPAID members. */
  private async distribute(village: string, year: number): Promise<void> {
    const steps = [
      { kind: 'reserve', account: '32201' },
      { kind: 'dividends', account: '32202', percent: '60', recordDate: `${year}-12-31`, weights: [{ classId: 'member', weight: '1' }] },
    ];
    const plan = { organizationId: village, year, approvedOn: `${year + 1}-01-10`, resolution: `${year}年度收益分配方案`, steps } as shares.DistributeIncomeInput;
    orFail(await shares.distributeIncome(this.context, { ...this.envelope(), input: plan }));
    const payments = Array.from({ length: MEMBERS }, (_, m) => memberId(m))
      .filter((m) => !(UNPAID as readonly string[]).includes(m))
      .map((m) => ({ memberId: m }));
    orFail(await shares.payDividends(this.context, { ...this.envelope(), input: { organizationId: village, year, paidOn: `${year + 1}-01-20`, account: '102', payments } }));
  }
}
