import { beforeEach, describe, expect, it } from 'vitest';
import { lease, testContracts } from './test-contracts.js';

type Books = Awaited<ReturnType<typeof testContracts>>;

let books: Books;
beforeEach(async () => {
  books = await testContracts();
});

const recognise2024 = () => books.ok('recognise', { through: '2024-12-31' });

describe('the contract register refuses, naming the field, and writes nothing', () => {
  it('a contract id already on the register; one unknown', async () => {
    await books.ok('register', lease('c1'));
    await books.refused('register', lease('c1'), 'CONTRACT_EXISTS', 'contractId: c1 is already on the register');
    await books.refused('pay', { contractId: 'c9', receivedOn: '2024-05-01', amount: '1.00' }, 'CONTRACT_UNKNOWN', 'contractId: c9 is not a contract of v');
    await books.refused('flag', { contractId: 'c9', flaggedOn: '2024-05-01', reasons: [{ reason: 'fees-unpaid' }] }, 'CONTRACT_UNKNOWN');
  });

  it('a term that ends before it starts, dates out of order, approvals after registration', async () => {
    await books.refused('register', lease('c1', { endsOn: '2023-12-31' }), 'CONTRACT_TERM_INVALID', 'endsOn: 2023-12-31 is before the term starts, 2024-01-01');
    await books.refused('register', lease('c1', { registeredOn: '2024-01-01' }), 'CONTRACT_DATE_INVALID', 'signedOn: 2024-01-05 is after registeredOn, 2024-01-01');
    await books.refused('register', lease('c1', { approvals: [{ procedure: 'tender', approvedOn: '2024-02-01' }] }), 'CONTRACT_DATE_INVALID', 'approvals[0].approvedOn: 2024-02-01 is after the contract was registered, 2024-01-05');
  });

  it('a schedule that is empty, out of order, outside the term, or an instalment with both or neither amount and grain', async () => {
    await books.refused('register', lease('c1', { instalments: [] }), 'SCHEDULE_EMPTY');
    const [a, b] = lease('c1').instalments;
    await books.refused('register', lease('c1', { instalments: [b, a] }), 'SCHEDULE_NOT_IN_ORDER', 'instalments[1].dueOn: 2024-03-31 is before the instalment above it; list instalments in the order they fall due');
    await books.refused('register', lease('c1', { instalments: [{ dueOn: '2027-01-01', amount: '1.00' }] }), 'SCHEDULE_OUTSIDE_TERM', 'instalments[0].dueOn: 2027-01-01 is after the term ends, 2026-12-31');
    await books.refused('register', lease('c1', { instalments: [{ dueOn: '2023-12-01', amount: '1.00' }] }), 'SCHEDULE_OUTSIDE_TERM', 'instalments[0].dueOn: 2023-12-01 is before the term starts, 2024-01-01');
    await books.refused('register', lease('c1', { instalments: [{ dueOn: '2024-03-31' }] }), 'INSTALMENT_INVALID', 'instalments[0]: give either amount or grain (kg and pricePerKg), not neither');
    const both = { dueOn: '2024-03-31', amount: '1.00', grain: { kg: '1', pricePerKg: '1' } };
    await books.refused('register', lease('c1', { instalments: [both] }), 'INSTALMENT_INVALID', 'instalments[0]: give either amount or grain (kg and pricePerKg), not both');
    await books.refused('register', lease('c1', { instalments: [{ dueOn: '2024-03-31', grain: { kg: '0.001', pricePerKg: '1.2' } }] }), 'INSTALMENT_INVALID', 'instalments[0].grain: 0.001 kg at 1.2 a kg come to less than a fen');
  });

  it('accounts of the wrong kind, and a subject the asset register does not hold', async () => {
    await books.refused('register', lease('c1', { incomeAccount: '504' }), 'CONTRACT_ACCOUNT_INVALID', 'incomeAccount: 504 is not an account under 501 or 502');
    await books.refused('register', lease('c1', { receivableAccount: '11201' }), 'CONTRACT_ACCOUNT_INVALID', "receivableAccount: 11201 is not in the village's chart of accounts");
    await books.refused('register', lease('c1', { subject: { description: '西坡', assetId: 'r9' } }), 'SUBJECT_UNKNOWN', 'subject.assetId: r9 is not a resource or fixed asset on the asset register');
    await books.ok('register', lease('c2', { subject: { description: '村部旧址，120平方米', area: { value: '120', unit: 'm2' } } }));
  });

  it('changes to a contract that has ended', async () => {
    await books.ok('register', lease('c1'));
    await books.ok('terminate', { contractId: 'c1', terminatedOn: '2024-02-01', reason: 'counterparty-breach', note: '擅自改变用途' });
    await books.refused('amend', { contractId: 'c1', amendedOn: '2024-03-01', effectiveFrom: '2024-03-01', reason: '调价', instalments: [] }, 'CONTRACT_TERMINATED', 'contractId: c1 was terminated on 2024-02-01');
    await books.refused('terminate', { contractId: 'c1', terminatedOn: '2024-03-01', reason: 'other', note: '再次' }, 'CONTRACT_TERMINATED');
    await books.refused('flag', { contractId: 'c1', flaggedOn: '2024-03-01', reasons: [{ reason: 'fees-unpaid' }] }, 'CONTRACT_TERMINATED');
    await books.ok('register', lease('c2', { endsOn: '2024-06-30', instalments: [{ dueOn: '2024-03-31', amount: '500.00' }] }));
    await books.refused('expire', { contractId: 'c2', expiredOn: '2024-06-30' }, 'CONTRACT_NOT_ENDED', 'expiredOn: the term of c2 runs to 2024-06-30; it expires after its last day');
    await books.ok('expire', { contractId: 'c2', expiredOn: '2024-07-01' });
    await books.refused('renew', { contractId: 'c2', renewedOn: '2024-07-02', endsOn: '2025-06-30', instalments: [{ dueOn: '2025-03-31', amount: '500.00' }] }, 'CONTRACT_EXPIRED', 'contractId: c2 expired on 2024-07-01; sign a new contract');
  });

  it('an amendment or renewal that touches what is booked, changes nothing, or shortens the term wrongly', async () => {
    await books.ok('register', lease('c1'));
    await recognise2024();
    const amend = { contractId: 'c1', amendedOn: '2024-02-01', reason: '调价', instalments: [{ dueOn: '2025-03-31', amount: '1200.00' }] };
    await books.refused('amend', { ...amend, effectiveFrom: '2024-02-01' }, 'SCHEDULE_BOOKED', 'effectiveFrom: instalment 1 due 2024-03-31 is recognised or paid already, and the schedule up to it cannot change');
    await books.refused('amend', { ...amend, effectiveFrom: '2024-01-15' }, 'CONTRACT_DATE_INVALID', 'effectiveFrom: 2024-01-15 is before the amendment, 2024-02-01; a change applies from its own date on');
    await books.refused('amend', { ...amend, amendedOn: '2026-06-01', effectiveFrom: '2026-06-01', instalments: [] }, 'CONTRACT_AMENDMENT_EMPTY');
    await books.refused('amend', { ...amend, effectiveFrom: '2027-01-01' }, 'CONTRACT_TERM_INVALID', 'endsOn: 2026-12-31 is before the amendment takes effect, 2027-01-01');
    await books.refused('amend', { ...amend, effectiveFrom: '2025-01-01', endsOn: '2025-06-30', instalments: [{ dueOn: '2025-09-01', amount: '1.00' }] }, 'SCHEDULE_OUTSIDE_TERM', 'instalments[0].dueOn: 2025-09-01 is after the term ends, 2025-06-30');
    await books.refused('renew', { contractId: 'c1', renewedOn: '2024-02-01', endsOn: '2026-12-31', instalments: [{ dueOn: '2026-06-30', amount: '1.00' }] }, 'CONTRACT_TERM_INVALID', "endsOn: 2026-12-31 is not after the term's end, 2026-12-31");
    await books.refused('renew', { contractId: 'c1', renewedOn: '2024-02-01', endsOn: '2027-12-31', instalments: [{ dueOn: '2024-02-01', amount: '1.00' }] }, 'SCHEDULE_BOOKED');
    await books.refused('renew', { contractId: 'c1', renewedOn: '2024-02-01', endsOn: '2027-12-31', instalments: [] }, 'SCHEDULE_EMPTY');
    await books.refused('terminate', { contractId: 'c1', terminatedOn: '2024-03-01', reason: 'mutual-agreement', note: '协商' }, 'SCHEDULE_BOOKED', 'terminatedOn: instalment 1 due 2024-03-31 is recognised as income already; terminate on or after 2024-03-31');
  });

  it('flags twice, flag reasons that repeat or say nothing, answers dated before the flag', async () => {
    await books.ok('register', lease('c1'));
    await books.refused('flag', { contractId: 'c1', flaggedOn: '2024-03-01', reasons: [] }, 'FLAG_REASON_INVALID', 'reasons: a flag needs at least one reason');
    await books.refused('flag', { contractId: 'c1', flaggedOn: '2024-03-01', reasons: [{ reason: 'other' }] }, 'FLAG_REASON_INVALID', 'reasons[0].note: a reason "other" needs a note saying what is irregular');
    await books.refused('flag', { contractId: 'c1', flaggedOn: '2024-03-01', reasons: [{ reason: 'fees-unpaid' }, { reason: 'fees-unpaid' }] }, 'FLAG_REASON_INVALID');
    await books.refused('flag', { contractId: 'c1', flaggedOn: '2024-01-01', reasons: [{ reason: 'fees-unpaid' }] }, 'CONTRACT_DATE_INVALID', 'flaggedOn: 2024-01-01 is before c1 was registered on 2024-01-05');
    await books.ok('flag', { contractId: 'c1', flaggedOn: '2024-03-01', reasons: [{ reason: 'term-over-limit' }] });
    await books.refused('flag', { contractId: 'c1', flaggedOn: '2024-03-02', reasons: [{ reason: 'fees-unpaid' }] }, 'CONTRACT_ALREADY_FLAGGED', 'contractId: c1 was flagged on 2024-03-01 and is not yet rectified');
    await books.refused('rectify', { contractId: 'c1', rectifiedOn: '2024-02-01', method: 'supplemented' }, 'CONTRACT_DATE_INVALID', 'rectifiedOn: 2024-02-01 is before the flag was raised, 2024-03-01');
    await books.refused('withdraw', { contractId: 'c1', withdrawnOn: '2024-02-01', reason: '误认' }, 'CONTRACT_DATE_INVALID');
  });

  it('a run with nothing to recognise, a payment above the whole schedule, or into an account that is not cash or bank', async () => {
    await books.refused('recognise', { through: '2024-12-31' }, 'NOTHING_TO_RECOGNISE', 'through: no instalment due by 2024-12-31 is left to recognise');
    await books.ok('register', lease('c1'));
    await books.ok('pay', { contractId: 'c1', receivedOn: '2024-02-01', amount: '2999.00' });
    await books.refused('pay', { contractId: 'c1', receivedOn: '2024-02-02', amount: '1.01' }, 'PAYMENT_OVER_OUTSTANDING', 'amount: 1.01 is more than the 1.00 still owed on the whole schedule of c1');
    await books.refused('pay', { contractId: 'c1', receivedOn: '2024-02-02', amount: '1.00', receivedInto: '112' }, 'CONTRACT_ACCOUNT_INVALID', 'receivedInto: 112 is not an account under 101 or 102');
    await books.refused('pay', { contractId: 'c1', receivedOn: '2024-01-01', amount: '1.00' }, 'CONTRACT_DATE_INVALID', 'receivedOn: 2024-01-01 is before c1 was registered on 2024-01-05');
  });

  it('anything in a closed year, and bad input before anything is read', async () => {
    await books.ok('register', lease('c1'));
    for (const year of [2023, 2024]) expect((await books.close(year))._tag).toBe('Right');
    await books.refused('pay', { contractId: 'c1', receivedOn: '2024-12-01', amount: '1.00' }, 'CONTRACT_YEAR_CLOSED', '2024 is closed for v: record it with a date in the open year');
    await books.refused('register', lease('c3', { counterparty: { name: '王五', kind: 'person' } }), 'INVALID_INPUT', /counterparty\.kind/);
    await books.refused('register', lease('c3', { price: '1.00' }), 'INVALID_INPUT', /price: unknown field/);
  });
});
