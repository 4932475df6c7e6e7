import { describe, it } from 'vitest';
import { specFor } from '@collective-ledger/testing';
import { foldState } from '../../kernel/decider.js';
import { decoded } from '../../test-support/decoded.js';
import { operationOf, posted, voucherOf, type Line } from '../../test-support/ledger-year.js';
import { Chart } from '../ledger/chart/index.js';
import { YearClosedData } from '../ledger/closing-codec.js';
import type { LedgerError } from '../ledger/errors.js';
import type { LedgerEvent } from '../ledger/events.js';
import type { VillageRegister } from '../organization/member-register.js';
import { AdoptCharterInput, DistributeIncomeInput, PayDividendsInput, QuantifySharesInput, type DistributionCommand } from './commands.js';
import { ledgerYearDecider, type SubLedgerOperation } from '../ledger/ledger-year.js';
import { subLedgers } from '../sub-ledgers.js';
import { emptyDividendBooks, evolveDividendBooks } from './dividend-books.js';
import { DividendsDeclaredData, IncomeDistributedData } from './distribution-events.js';
import type { ShareError } from './errors.js';
import type { DistributionEvent, ShareRegisterEvent } from './events.js';
import { shareRegisterDecider } from './register-decider.js';
import { charter, DISTRIBUTION_ACCOUNTS, dividendsStep, plan, quantification } from './test-shares.js';

/** The ledger year of 2024, opened from a close that carried `declared` as unpaid (or nothing). */
const yearOpenedWith = (declared?: DividendsDeclaredData) =>
  specFor(
    ledgerYearDecider<DistributionEvent | LedgerEvent, ShareError | LedgerError>(
      subLedgers,
      declared === undefined ? {} : { shares: evolveDividendBooks(emptyDividendBooks, { type: 'DividendsDeclared', data: declared }) },
    ),
  );

/** The distribution command as the ledger year decides it, with the facts it carries. */
const operation = (command: DistributionCommand): SubLedgerOperation =>
  operationOf('shares', command, command.type === 'DistributeIncome' ? command.input.approvedOn : command.input.paidOn, {
    organizationKind: command.organizationKind,
    chart: command.chart,
  });

const given = (...history: readonly (DistributionEvent | LedgerEvent)[]) => ({ when: (command: DistributionCommand) => yearOpenedWith()(history).when(operation(command)) });
const givenCarried = (declared: DividendsDeclaredData) => ({ when: (command: DistributionCommand) => yearOpenedWith(declared)().when(operation(command)) });

const chart = DISTRIBUTION_ACCOUNTS.reduce((c, [code, nameZh]) => c.withSubAccount({ code, nameZh }), Chart.standard());
/** 2023 closed with a net income of 80,000.00, all of it in 未分配收益. */
const closed = decoded(YearClosedData, {
  organizationId: 'v',
  year: 2023,
  closedOn: '2023-12-31',
  entries: [],
  netIncome: '80000.00',
  carried: [{ account: '102', balance: '80000.00' }, { account: '32205', balance: '-80000.00' }],
});
const record = (memberId: string, householdId: string) => ({ memberId, name: memberId, idNumber: undefined, phone: undefined, joinedOn: '2020-06-01', joinReason: 'founding' as const, homes: [{ householdId, from: '2020-06-01' }], leftOn: undefined, leaveReason: undefined, erasedOn: undefined });
const members: VillageRegister = { households: new Map(), members: new Map(['m1', 'm2', 'm3', 'm4'].map((m, i) => [m, record(m, i < 2 ? 'h1' : 'h2')])) };
const register = (history: readonly ShareRegisterEvent[]) => foldState(shareRegisterDecider, history);
const adopted: ShareRegisterEvent = { type: 'ShareCharterAdopted', data: decoded(AdoptCharterInput, { organizationId: 'v', ...charter() }) };
const quantified: ShareRegisterEvent = { type: 'SharesQuantified', data: decoded(QuantifySharesInput, { organizationId: 'v', ...quantification() }) };

const distribute = (input: object = plan(), overrides: Partial<Omit<Extract<DistributionCommand, { type: 'DistributeIncome' }>, 'input'>> = {}): DistributionCommand => ({
  type: 'DistributeIncome',
  input: decoded(DistributeIncomeInput, { organizationId: 'v', ...input }),
  organizationKind: 'village',
  chart,
  books: { closed, movements: new Map() },
  shares: register([adopted, quantified]),
  members,
  ...overrides,
});

const pay = (input: object): DistributionCommand => ({
  type: 'PayDividends',
  input: decoded(PayDividendsInput, { organizationId: 'v', year: 2023, paidOn: '2024-04-01', account: '102', ...input }),
  organizationKind: 'village',
  chart,
});

const reserve = { kind: 'reserve', account: '32201' };

/** The plan of 2023 as approved on 2024-03-15, from 80,000.00 distributable with nothing brought forward. */
const distributed = (figures: object): DistributionEvent => ({
  type: 'IncomeDistributed',
  data: decoded(IncomeDistributedData, {
    organizationId: 'v',
    year: 2023,
    approvedOn: '2024-03-15',
    resolution: '股东代表大会决议〔2024〕1号',
    netIncome: '80000.00',
    openingUndistributed: '0.00',
    previousDistributions: '0.00',
    transfersIn: '0.00',
    distributable: '80000.00',
    lossesCovered: '0.00',
    ...figures,
  }),
});

/** The dividends of 2023 declared with the plan, on the shares held at the end of 2023, labour shares weighing half. */
const declaredOf = (figures: object): DistributionEvent => ({
  type: 'DividendsDeclared',
  data: decoded(DividendsDeclaredData, {
    organizationId: 'v',
    year: 2023,
    declaredOn: '2024-03-15',
    recordDate: '2023-12-31',
    weights: [{ classId: 'labour', weight: '0.5' }],
    weightedShares: '17',
    payableAccount: '211',
    ...figures,
  }),
});

/** The plan's voucher, the first of the distribution's series in 2024. */
const distributionVoucher = (lines: readonly Line[]): LedgerEvent =>
  posted(voucherOf('分-001', '2024-03-15', lines, { summary: '2023年度收益分配 股东代表大会决议〔2024〕1号', origin: 'shares' }));

describe('distribution decider: given, when, then', () => {
  it('decides the plan, the declaration and the voucher together', () => {
    // 20% of 80,000.00 to the reserve; half of the 64,000.00 left is the pool, 32,000.00, over 17 weighted shares
    // (m1 1 + 2×0.5, m2 1 + 0.5, m3 1 + 1.5, m4 1, the collective 10); the collective's 18,823.53 stays undistributed.
    given()
      .when(distribute())
      .then([
        distributed({
          reserveBasis: '80000.00',
          reservePercent: '20',
          steps: [
            { kind: 'reserve', account: '32201', creditAccount: '311', amount: '16000.00' },
            { kind: 'welfare', account: '32202', creditAccount: '211', amount: '4000.00' },
            { kind: 'dividends', account: '32204', creditAccount: '211', amount: '13176.47', percent: '50' },
          ],
          undistributed: '46823.53',
        }),
        declaredOf({
          pool: '32000.00',
          retained: '18823.53',
          dividends: [
            { memberId: 'm1', householdId: 'h1', shares: [{ classId: 'labour', shares: '2' }, { classId: 'member', shares: '1' }], amount: '3764.71' },
            { memberId: 'm2', householdId: 'h1', shares: [{ classId: 'labour', shares: '1' }, { classId: 'member', shares: '1' }], amount: '2823.53' },
            { memberId: 'm3', householdId: 'h2', shares: [{ classId: 'labour', shares: '3' }, { classId: 'member', shares: '1' }], amount: '4705.88' },
            { memberId: 'm4', householdId: 'h2', shares: [{ classId: 'member', shares: '1' }], amount: '1882.35' },
          ],
        }),
        distributionVoucher([
          ['32201', 'debit', '16000.00'],
          ['311', 'credit', '16000.00'],
          ['32202', 'debit', '4000.00'],
          ['211', 'credit', '4000.00'],
          ['32204', 'debit', '13176.47'],
          ['211', 'credit', '13176.47'],
        ]),
      ]);
  });

  it('refuses an open year, a plan outside the following year or in a closed one, and a second plan', () => {
    given().when(distribute(plan(), { books: { closed: undefined, movements: new Map() } })).thenRefuses({ code: 'DISTRIBUTION_YEAR_OPEN', message: 'year: 2023 is not closed for v; close the year before distributing its income' });
    given().when(distribute(plan(undefined, { approvedOn: '2023-12-31' }))).thenRefuses({ code: 'DISTRIBUTION_DATE_INVALID', message: 'approvedOn: 2023-12-31 is not in 2024; the plan for 2023 is approved in the year after it is closed' });
    const closed2024: LedgerEvent = { type: 'YearClosed', data: decoded(YearClosedData, { ...YearClosedData.encode(closed), year: 2024, closedOn: '2024-12-31' }) };
    given(closed2024).when(distribute()).thenRefuses({ code: 'DISTRIBUTION_DATE_INVALID', message: 'approvedOn: 2024 is closed for v; nothing more can be booked in it' });
    const earlier: DistributionEvent = { type: 'IncomeDistributed', data: decoded(IncomeDistributedData, { organizationId: 'v', year: 2023, approvedOn: '2024-01-10', resolution: '决议', netIncome: '80000.00', openingUndistributed: '0.00', previousDistributions: '0.00', transfersIn: '0.00', distributable: '80000.00', lossesCovered: '0.00', reserveBasis: '80000.00', reservePercent: '20', steps: [], undistributed: '80000.00' }) };
    given(earlier).when(distribute()).thenRefuses({ code: 'DISTRIBUTION_ALREADY_APPROVED', message: "year: the income of 2023 has already been distributed; what is left undistributed is carried into the next year's plan" });
    given().when({ ...distribute(), organizationKind: 'township' }).thenRefuses({ code: 'SHARES_ORGANIZATION_NOT_VILLAGE', message: "organizationId: v is a township; income is distributed by a village's collective" });
  });

  it('refuses steps out of order, twice, or skipping the reserve', () => {
    given().when(distribute(plan([dividendsStep()]))).thenRefuses({ code: 'DISTRIBUTION_ORDER', message: 'steps[0].kind: the charter sets aside 20.0% for 公积公益金 before anything is distributed; begin the plan with a reserve step' });
    given().when(distribute(plan([reserve, reserve]))).thenRefuses({ code: 'DISTRIBUTION_ORDER', message: 'steps[1].kind: reserve cannot come after reserve; the order is reserve (提取公积公益金), welfare, investors, dividends, each once' });
    given().when(distribute(plan([reserve, { kind: 'investors', account: '32203', amount: '1.00' }, { kind: 'welfare', account: '32202', amount: '1.00' }]))).thenRefuses({ code: 'DISTRIBUTION_ORDER', message: 'steps[2].kind: welfare cannot come after investors; the order is reserve (提取公积公益金), welfare, investors, dividends, each once' });
    const noReserve = register([{ type: 'ShareCharterAdopted', data: decoded(AdoptCharterInput, { organizationId: 'v', ...charter({ reservePercent: '0' }) }) }, quantified]);
    // No reserve: the pool is half of 80,000.00 over the same 17 weighted shares; the fen the floors leave goes to m3 (.294).
    given()
      .when(distribute(plan([dividendsStep()]), { shares: noReserve }))
      .then([
        distributed({
          reserveBasis: '80000.00',
          reservePercent: '0',
          steps: [{ kind: 'dividends', account: '32204', creditAccount: '211', amount: '16470.59', percent: '50' }],
          undistributed: '63529.41',
        }),
        declaredOf({
          pool: '40000.00',
          retained: '23529.41',
          dividends: [
            { memberId: 'm1', householdId: 'h1', shares: [{ classId: 'labour', shares: '2' }, { classId: 'member', shares: '1' }], amount: '4705.88' },
            { memberId: 'm2', householdId: 'h1', shares: [{ classId: 'labour', shares: '1' }, { classId: 'member', shares: '1' }], amount: '3529.41' },
            { memberId: 'm3', householdId: 'h2', shares: [{ classId: 'labour', shares: '3' }, { classId: 'member', shares: '1' }], amount: '5882.36' },
            { memberId: 'm4', householdId: 'h2', shares: [{ classId: 'member', shares: '1' }], amount: '2352.94' },
          ],
        }),
        distributionVoucher([['32204', 'debit', '16470.59'], ['211', 'credit', '16470.59']]),
      ]);
  });

  it('refuses malformed steps, wrong accounts, and more than is distributable', () => {
    given().when(distribute(plan([reserve, { kind: 'welfare', account: '32202', amount: '1.00', percent: '5' }]))).thenRefuses({ code: 'DISTRIBUTION_STEP_INVALID', message: 'steps[1]: give either amount or percent for welfare' });
    given().when(distribute(plan([reserve, { kind: 'welfare', account: '32202', amount: '1.00', recordDate: '2023-12-31' }]))).thenRefuses({ code: 'DISTRIBUTION_STEP_INVALID', message: 'steps[1]: recordDate and weights belong to the dividends step' });
    given().when(distribute(plan([reserve, dividendsStep({ recordDate: undefined })]))).thenRefuses({ code: 'DISTRIBUTION_STEP_INVALID', message: 'steps[1].recordDate: dividends are divided over the shares held on a record date; give one' });
    given().when(distribute(plan([reserve, { kind: 'welfare', account: '32202', amount: '1.00', creditAccount: '311' }]))).thenRefuses({ code: 'DISTRIBUTION_ACCOUNT_INVALID', message: 'steps[1].creditAccount: 311 is not an account under 211, 212, 213 that takes postings' });
    given().when(distribute(plan([{ kind: 'reserve', account: '502' }]))).thenRefuses({ code: 'DISTRIBUTION_ACCOUNT_INVALID', message: 'steps[0].account: 502 is not a sub-account of 322 (各项分配) that takes postings; declare one such as 32201 提取公积公益金 (未分配收益 32205 is not one)' });
    given().when(distribute(plan([reserve, { kind: 'welfare', account: '32202', amount: '64000.01' }]))).thenRefuses({ code: 'DISTRIBUTION_EXCEEDS_DISTRIBUTABLE', message: 'steps: reserve 16000.00 + welfare 64000.01 = 80000.01 is more than the distributable income, 80000.00' });
  });

  it('refuses dividends without a charter, before the quantification, or with weights that divide nothing', () => {
    given().when(distribute(plan(), { shares: register([]) })).thenRefuses({ code: 'SHARES_NO_CHARTER', message: 'approvedOn: v has no share charter in force on 2024-03-15; adopt one first' });
    given().when(distribute(plan(), { shares: register([adopted]) })).thenRefuses({ code: 'SHARES_NOT_QUANTIFIED', message: "steps[2]: the village's shares have not been quantified; there is nobody to pay dividends to" });
    given().when(distribute(plan([reserve, dividendsStep({ recordDate: '2024-03-16' })]))).thenRefuses({ code: 'DIVIDENDS_RECORD_DATE_INVALID', message: 'steps[1].recordDate: 2024-03-16 must be from the quantification on 2021-06-30 to the approval on 2024-03-15' });
    given().when(distribute(plan([reserve, dividendsStep({ weights: [{ classId: 'labour', weight: '1' }, { classId: 'labour', weight: '2' }] })]))).thenRefuses({ code: 'DIVIDENDS_WEIGHTS_INVALID', message: 'steps[1].weights[1].classId: labour is weighted twice' });
    given().when(distribute(plan([reserve, dividendsStep({ weights: [{ classId: 'labour', weight: '-1' }] })]))).thenRefuses({ code: 'DIVIDENDS_WEIGHTS_INVALID', message: 'steps[1].weights[0].weight: expected a weight of 0 or more, got -1' });
    const nothing = [{ classId: 'member', weight: '0' }, { classId: 'labour', weight: '0' }, { classId: 'collective', weight: '0' }];
    given().when(distribute(plan([reserve, dividendsStep({ weights: nothing })]))).thenRefuses({ code: 'DIVIDENDS_WEIGHTS_INVALID', message: 'steps[1].weights: no share held on 2023-12-31 carries any weight; the pool cannot be divided' });
  });

  it('refuses payments of nothing declared, before the declaration, from a wrong account, or twice in a run', () => {
    const declared = decoded(DividendsDeclaredData, {
      organizationId: 'v', year: 2023, declaredOn: '2024-03-15', recordDate: '2023-12-31', pool: '1.00', weights: [], weightedShares: '1', retained: '0.00', payableAccount: '211',
      dividends: [{ memberId: 'm1', householdId: 'h1', shares: [{ classId: 'member', shares: '1' }], amount: '1.00' }],
    });
    given().when(pay({})).thenRefuses({ code: 'DIVIDENDS_NOT_DECLARED', message: 'year: v has declared no dividends for 2023' });
    givenCarried(declared).when(pay({ paidOn: '2024-03-01' })).thenRefuses({ code: 'DIVIDENDS_PAYMENT_INVALID', message: 'paidOn: 2024-03-01 is before the dividends were declared on 2024-03-15' });
    givenCarried(declared).when(pay({ account: '113' })).thenRefuses({ code: 'DIVIDENDS_PAYMENT_INVALID', message: 'account: 113 is not a cash (101) or bank (102) account that takes postings' });
    givenCarried(declared).when(pay({ payments: [{ memberId: 'm1' }, { memberId: 'm1' }] })).thenRefuses({ code: 'DIVIDENDS_PAYMENT_INVALID', message: 'payments[1].memberId: m1 is paid twice in one run' });
    givenCarried(declared).when(pay({ payments: [{ memberId: 'm9' }] })).thenRefuses({ code: 'DIVIDENDS_PAYMENT_INVALID', message: 'payments[0].memberId: m9 was declared no dividend for 2023' });
  });
});
