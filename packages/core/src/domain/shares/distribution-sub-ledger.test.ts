import { describe, it } from 'vitest';
import { foldState } from '../../kernel/decider.js';
import { decoded } from '../../test-support/decoded.js';
import { specOf } from '../../test-support/given.js';
import { Chart } from '../ledger/chart/index.js';
import { YearClosedData } from '../ledger/closing-codec.js';
import type { LedgerEvent } from '../ledger/events.js';
import type { VillageRegister } from '../organization/member-register.js';
import { AdoptCharterInput, DistributeIncomeInput, PayDividendsInput, QuantifySharesInput, type DistributionCommand } from './commands.js';
import type { DomainEvent } from '../../kernel/event.js';
import { ledgerYearDecider, type SubLedgerOperation } from '../ledger/ledger-year.js';
import { subLedgers } from '../sub-ledgers.js';
import { emptyDividendBooks, evolveDividendBooks } from './dividend-books.js';
import { DividendsDeclaredData, IncomeDistributedData } from './distribution-events.js';
import type { DistributionEvent, ShareRegisterEvent } from './events.js';
import { shareRegisterDecider } from './register-decider.js';
import { charter, DISTRIBUTION_ACCOUNTS, dividendsStep, plan, quantification } from './test-shares.js';

/** The ledger year of 2024, opened from a close that carried `declared` as unpaid (or nothing). */
const yearOpenedWith = (declared?: DividendsDeclaredData) =>
  specOf(ledgerYearDecider(subLedgers, declared === undefined ? {} : { shares: evolveDividendBooks(emptyDividendBooks, { type: 'DividendsDeclared', data: declared }) }));

const operation = (command: DistributionCommand): SubLedgerOperation => ({
  type: 'SubLedgerOperation',
  subLedger: 'shares',
  command,
  organizationId: 'v',
  date: command.type === 'DistributeIncome' ? command.input.approvedOn : command.input.paidOn,
  organizationKind: command.organizationKind,
  chart: command.chart,
});

const given = (...history: readonly DomainEvent[]) => ({ when: (command: DistributionCommand) => yearOpenedWith()(...history).when(operation(command)) });
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
const record = (memberId: string, householdId: string) => ({ memberId, name: memberId, idNumber: undefined, joinedOn: '2020-06-01', joinReason: 'founding' as const, homes: [{ householdId, from: '2020-06-01' }], leftOn: undefined, leaveReason: undefined });
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

describe('distribution decider: given, when, then', () => {
  it('decides the plan, the declaration and the voucher together', () => {
    given().when(distribute()).thenTypes(['IncomeDistributed', 'DividendsDeclared', 'VoucherPosted']);
  });

  it('refuses an open year, a plan outside the following year or in a closed one, and a second plan', () => {
    given().when(distribute(plan(), { books: { closed: undefined, movements: new Map() } })).thenFails('DISTRIBUTION_YEAR_OPEN', 'year: 2023 is not closed for v; close the year before distributing its income');
    given().when(distribute(plan(undefined, { approvedOn: '2023-12-31' }))).thenFails('DISTRIBUTION_DATE_INVALID', 'approvedOn: 2023-12-31 is not in 2024; the plan for 2023 is approved in the year after it is closed');
    const closed2024: LedgerEvent = { type: 'YearClosed', data: decoded(YearClosedData, { ...YearClosedData.encode(closed), year: 2024, closedOn: '2024-12-31' }) };
    given(closed2024).when(distribute()).thenFails('DISTRIBUTION_DATE_INVALID', 'approvedOn: 2024 is closed for v; nothing more can be booked in it');
    const earlier: DistributionEvent = { type: 'IncomeDistributed', data: decoded(IncomeDistributedData, { organizationId: 'v', year: 2023, approvedOn: '2024-01-10', resolution: '决议', netIncome: '80000.00', openingUndistributed: '0.00', previousDistributions: '0.00', transfersIn: '0.00', distributable: '80000.00', lossesCovered: '0.00', reserveBasis: '80000.00', reservePercent: '20', steps: [], undistributed: '80000.00' }) };
    given(earlier).when(distribute()).thenFails('DISTRIBUTION_ALREADY_APPROVED', "year: the income of 2023 has already been distributed; what is left undistributed is carried into the next year's plan");
    given().when({ ...distribute(), organizationKind: 'township' }).thenFails('SHARES_ORGANIZATION_NOT_VILLAGE', "organizationId: v is a township; income is distributed by a village's collective");
  });

  it('refuses steps out of order, twice, or skipping the reserve', () => {
    given().when(distribute(plan([dividendsStep()]))).thenFails('DISTRIBUTION_ORDER', 'steps[0].kind: the charter sets aside 20.0% for 公积公益金 before anything is distributed; begin the plan with a reserve step');
    given().when(distribute(plan([reserve, reserve]))).thenFails('DISTRIBUTION_ORDER', 'steps[1].kind: reserve cannot come after reserve; the order is reserve (提取公积公益金), welfare, investors, dividends, each once');
    given().when(distribute(plan([reserve, { kind: 'investors', account: '32203', amount: '1.00' }, { kind: 'welfare', account: '32202', amount: '1.00' }]))).thenFails('DISTRIBUTION_ORDER', 'steps[2].kind: welfare cannot come after investors; the order is reserve (提取公积公益金), welfare, investors, dividends, each once');
    const noReserve = register([{ type: 'ShareCharterAdopted', data: decoded(AdoptCharterInput, { organizationId: 'v', ...charter({ reservePercent: '0' }) }) }, quantified]);
    given().when(distribute(plan([dividendsStep()]), { shares: noReserve })).thenTypes(['IncomeDistributed', 'DividendsDeclared', 'VoucherPosted']);
  });

  it('refuses malformed steps, wrong accounts, and more than is distributable', () => {
    given().when(distribute(plan([reserve, { kind: 'welfare', account: '32202', amount: '1.00', percent: '5' }]))).thenFails('DISTRIBUTION_STEP_INVALID', 'steps[1]: give either amount or percent for welfare');
    given().when(distribute(plan([reserve, { kind: 'welfare', account: '32202', amount: '1.00', recordDate: '2023-12-31' }]))).thenFails('DISTRIBUTION_STEP_INVALID', 'steps[1]: recordDate and weights belong to the dividends step');
    given().when(distribute(plan([reserve, dividendsStep({ recordDate: undefined })]))).thenFails('DISTRIBUTION_STEP_INVALID', 'steps[1].recordDate: dividends are divided over the shares held on a record date; give one');
    given().when(distribute(plan([reserve, { kind: 'welfare', account: '32202', amount: '1.00', creditAccount: '311' }]))).thenFails('DISTRIBUTION_ACCOUNT_INVALID', 'steps[1].creditAccount: 311 is not an account under 211, 212, 213 that takes postings');
    given().when(distribute(plan([{ kind: 'reserve', account: '502' }]))).thenFails('DISTRIBUTION_ACCOUNT_INVALID', 'steps[0].account: 502 is not a sub-account of 322 (各项分配) that takes postings; declare one such as 32201 提取公积公益金 (未分配收益 32205 is not one)');
    given().when(distribute(plan([reserve, { kind: 'welfare', account: '32202', amount: '64000.01' }]))).thenFails('DISTRIBUTION_EXCEEDS_DISTRIBUTABLE', 'steps: reserve 16000.00 + welfare 64000.01 = 80000.01 is more than the distributable income, 80000.00');
  });

  it('refuses dividends without a charter, before the quantification, or with weights that divide nothing', () => {
    given().when(distribute(plan(), { shares: register([]) })).thenFails('SHARES_NO_CHARTER', 'approvedOn: v has no share charter in force on 2024-03-15; adopt one first');
    given().when(distribute(plan(), { shares: register([adopted]) })).thenFails('SHARES_NOT_QUANTIFIED', "steps[2]: the village's shares have not been quantified; there is nobody to pay dividends to");
    given().when(distribute(plan([reserve, dividendsStep({ recordDate: '2024-03-16' })]))).thenFails('DIVIDENDS_RECORD_DATE_INVALID', 'steps[1].recordDate: 2024-03-16 must be from the quantification on 2021-06-30 to the approval on 2024-03-15');
    given().when(distribute(plan([reserve, dividendsStep({ weights: [{ classId: 'labour', weight: '1' }, { classId: 'labour', weight: '2' }] })]))).thenFails('DIVIDENDS_WEIGHTS_INVALID', 'steps[1].weights[1].classId: labour is weighted twice');
    given().when(distribute(plan([reserve, dividendsStep({ weights: [{ classId: 'labour', weight: '-1' }] })]))).thenFails('DIVIDENDS_WEIGHTS_INVALID', 'steps[1].weights[0].weight: expected a weight of 0 or more, got -1');
    const nothing = [{ classId: 'member', weight: '0' }, { classId: 'labour', weight: '0' }, { classId: 'collective', weight: '0' }];
    given().when(distribute(plan([reserve, dividendsStep({ weights: nothing })]))).thenFails('DIVIDENDS_WEIGHTS_INVALID', 'steps[1].weights: no share held on 2023-12-31 carries any weight; the pool cannot be divided');
  });

  it('refuses payments of nothing declared, before the declaration, from a wrong account, or twice in a run', () => {
    const declared = decoded(DividendsDeclaredData, {
      organizationId: 'v', year: 2023, declaredOn: '2024-03-15', recordDate: '2023-12-31', pool: '1.00', weights: [], weightedShares: '1', retained: '0.00', payableAccount: '211',
      dividends: [{ memberId: 'm1', householdId: 'h1', shares: [{ classId: 'member', shares: '1' }], amount: '1.00' }],
    });
    given().when(pay({})).thenFails('DIVIDENDS_NOT_DECLARED', 'year: v has declared no dividends for 2023');
    givenCarried(declared).when(pay({ paidOn: '2024-03-01' })).thenFails('DIVIDENDS_PAYMENT_INVALID', 'paidOn: 2024-03-01 is before the dividends were declared on 2024-03-15');
    givenCarried(declared).when(pay({ account: '113' })).thenFails('DIVIDENDS_PAYMENT_INVALID', 'account: 113 is not a cash (101) or bank (102) account that takes postings');
    givenCarried(declared).when(pay({ payments: [{ memberId: 'm1' }, { memberId: 'm1' }] })).thenFails('DIVIDENDS_PAYMENT_INVALID', 'payments[1].memberId: m1 is paid twice in one run');
    givenCarried(declared).when(pay({ payments: [{ memberId: 'm9' }] })).thenFails('DIVIDENDS_PAYMENT_INVALID', 'payments[0].memberId: m9 was declared no dividend for 2023');
  });
});
