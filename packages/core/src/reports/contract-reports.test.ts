import { beforeAll, describe, expect, it } from 'vitest';
import type { EventCatalog } from '../kernel/catalog.js';
import type { EventStore } from '../kernel/store.js';
import { Money } from '../money/money.js';
import { arrearsReport, type ArrearsJson } from './definitions/arrears.js';
import { contractCleanupReport, type ContractCleanupJson } from './definitions/contract-cleanup.js';
import { contractsReport, type ContractsJson } from './definitions/contracts.js';
import { runReport } from './definitions/run-report.js';
import { warningsReport, type WarningsJson } from './definitions/warnings.js';
import { contractBooks } from './test-contract-books.js';

let store: EventStore;
let catalog: EventCatalog;
beforeAll(async () => {
  const books = await contractBooks();
  store = books.store;
  catalog = books.context.catalog;
});

const cleanup = (options: object): Promise<ContractCleanupJson> => runReport(store, catalog, contractCleanupReport, options);
const arrears = (options: object): Promise<ArrearsJson> => runReport(store, catalog, arrearsReport, options);
const warnings = (options: object): Promise<WarningsJson> => runReport(store, catalog, warningsReport, options);
const ledger = (options: object): Promise<ContractsJson> => runReport(store, catalog, contractsReport, options);

describe('report contract-cleanup (合同清理)', () => {
  it('counts each flagged contract once, by the standing of its last flag, and the rate rectified / needing rectification', async () => {
    const json = await cleanup({ year: 2024 });
    const { total } = json;
    expect([total.registered, total.live, total.flagged]).toEqual([6, 5, 4]);
    expect(total.byReason.map((r) => [r.reason, r.contracts])).toEqual([
      ['no-written-contract', 0],
      ['no-democratic-procedure', 2],
      ['price-below-market', 1],
      ['term-over-limit', 1],
      ['fees-unpaid', 1],
      ['other', 1],
    ]);
    expect(total.rectified).toEqual({ total: 1, byMethod: [{ method: 'supplemented', contracts: 0 }, { method: 'renegotiated', contracts: 1 }, { method: 're-tendered', contracts: 0 }] });
    expect([total.terminated, total.withdrawn, total.pending, total.needingRectification]).toEqual([1, 1, 1, 3]);
    expect(total.rate).toEqual({ numerator: '1', denominator: '3', percent: '33.3', display: '33.3%' });
    expect(total.inPeriod).toEqual({ registered: 6, flagged: 4, rectified: total.rectified, terminated: 1, withdrawn: 1 });
  });

  it('rolls up per township and village; a village whose only flag was withdrawn has no rate', async () => {
    const json = await cleanup({ year: 2024 });
    expect(json.townships.map((t) => [t.id, t.villages, t.flagged, t.rate?.display ?? null])).toEqual([['t', 1, 3, '33.3%'], ['t2', 1, 1, null]]);
    expect(json.villages.map((v) => [v.name, v.registered, v.needingRectification])).toEqual([['张家村', 4, 3], ['李家村', 2, 0]]);
    expect(json.contracts.map((c) => [c.villageId, c.contractId, c.standing, c.method, c.answeredOn])).toEqual([
      ['v', 'c2', 'rectified', 'renegotiated', '2024-03-01'],
      ['v', 'c3', 'terminated', null, '2024-08-01'],
      ['v', 'c4', 'pending', null, null],
      ['w', 'c1', 'withdrawn', null, '2024-06-01'],
    ]);
  });

  it('as of a date: flags and answers after it do not count; an answer after it leaves the flag pending', async () => {
    const json = await cleanup({ asOf: '2024-07-15', township: 't' });
    const { total } = json;
    expect([json.from, json.to, total.registered, total.live, total.flagged, total.pending, total.terminated]).toEqual([null, '2024-07-15', 4, 4, 3, 2, 0]);
    expect([total.rate?.display, total.inPeriod]).toEqual(['33.3%', null]);
  });

  it('in a period: only what happened in it', async () => {
    const { total } = await cleanup({ asOf: '2024-12-31', from: '2024-07-01' });
    expect(total.inPeriod).toMatchObject({ registered: 0, flagged: 1, terminated: 1, withdrawn: 0, rectified: { total: 0 } });
  });
});

describe('report arrears (欠款清收)', () => {
  it('over a year: overdue, collected, the rate and what is still overdue at the end (= overdue − collected)', async () => {
    const { total, villages, from, to } = await arrears({ year: 2024 });
    expect([from, to, total.contracts]).toEqual(['2024-01-01', '2024-12-31', 5]);
    expect([total.openingArrears, total.fallenOverdue, total.overdue, total.collected, total.outstanding]).toEqual(['0.00', '4300.00', '4300.00', '3140.00', '1160.00']);
    expect(total.rate).toEqual({ numerator: '3140.00', denominator: '4300.00', percent: '73.0', display: '73.0%' });
    expect(villages.map((v) => [v.id, v.overdue, v.collected, v.outstanding, v.rate?.display])).toEqual([['v', '2100.00', '1000.00', '1100.00', '47.6%'], ['w', '2200.00', '2140.00', '60.00', '97.3%']]);
    for (const g of [total, ...villages]) expect(Money.of(g.overdue).minus(Money.of(g.collected)).toString()).toBe(g.outstanding);
  });

  it('breaks the outstanding down by age band and the arrears by counterparty', async () => {
    const { total, contracts } = await arrears({ year: 2024 });
    expect(total.byAge.map((b) => [b.band, b.instalments, b.outstanding])).toEqual([
      ['up-to-30', 0, '0.00'],
      ['31-90', 0, '0.00'],
      ['91-180', 1, '60.00'],
      ['181-365', 2, '1100.00'],
      ['over-365', 0, '0.00'],
    ]);
    expect(total.byCounterparty.map((c) => [c.name, c.contracts, c.overdue, c.collected, c.outstanding])).toEqual([
      ['李四', 1, '1000.00', '1000.00', '0.00'],
      ['惠民超市', 1, '600.00', '0.00', '600.00'],
      ['王五', 1, '500.00', '0.00', '500.00'],
      ['绿源农业公司', 2, '2200.00', '2140.00', '60.00'],
    ]);
    expect(contracts.find((c) => c.villageId === 'v' && c.contractId === 'c2')?.overdueInstalments).toEqual([{ no: 1, dueOn: '2024-06-30', outstanding: '600.00', ageDays: 184, band: '181-365' }]);
  });

  it('from a date: the arrears at the start, what falls overdue in the period, and money paid on a due date is on time', async () => {
    const { total } = await arrears({ from: '2024-07-01', asOf: '2024-11-30', village: 'w' });
    expect([total.openingArrears, total.fallenOverdue, total.overdue, total.collected, total.outstanding, total.rate?.display]).toEqual(['140.00', '60.00', '200.00', '140.00', '60.00', '70.0%']);
  });

  it('with only --as-of, the period starts on 1 January of its year', async () => {
    expect((await arrears({ asOf: '2024-06-15' })).from).toBe('2024-01-01');
  });
});

describe('report warnings (合同预警)', () => {
  it('names each village, contract, kind and figures, with the prices the township sets', async () => {
    const json = await warnings({ asOf: '2024-11-15', minPricePerMu: Money.of('50'), minPricePerM2: Money.of('10') });
    expect(json.settings).toMatchObject({ withinDays: 90, minPricePerMu: '50.00', minPricePerM2: '10.00' });
    expect(json.warnings.map((w) => [w.villageId, w.contractId, w.kind])).toEqual([
      ['v', 'c1', 'price-below-reference'],
      ['v', 'c2', 'expiring'],
      ['v', 'c2', 'overdue'],
      ['v', 'c2', 'price-below-reference'],
      ['v', 'c3', 'overdue'],
      ['v', 'c4', 'price-below-reference'],
      ['v', 'c4', 'term-over-limit'],
      ['w', 'c1', 'price-below-reference'],
      ['w', 'c1', 'term-over-limit'],
      ['w', 'c2', 'expiring'],
      ['w', 'c2', 'overdue'],
    ]);
    const of = (village: string, contract: string, kind: string) => json.warnings.find((w) => w.villageId === village && w.contractId === contract && w.kind === kind);
    // 3000.00 over 1096 days for 20 mu: 3000 × 365 / (1096 × 20) = 49.954… yuan a mu a year; 1200.00 over 366 days for 120 m²: 9.972…
    expect(of('v', 'c1', 'price-below-reference')).toMatchObject({ unit: 'mu', area: '20', scheduled: '3000.00', termDays: 1096, pricePerYear: '49.95', reference: '50.00' });
    expect(of('v', 'c2', 'price-below-reference')).toMatchObject({ unit: 'm2', pricePerYear: '9.97', reference: '10.00' });
    expect(of('v', 'c2', 'expiring')).toMatchObject({ endsOn: '2024-12-31', daysLeft: 46 });
    expect(of('v', 'c2', 'overdue')).toMatchObject({ no: 1, dueOn: '2024-06-30', outstanding: '600.00', ageDays: 138, band: '91-180' });
    expect(of('v', 'c4', 'term-over-limit')).toMatchObject({ limit: 'farmland', years: 30, endsOn: '2055-12-31', lastLawfulDay: '2053-12-31' });
    expect(of('w', 'c1', 'term-over-limit')).toMatchObject({ limit: 'waste-land', years: 50, lastLawfulDay: '2073-12-31' });
    expect(json.total.byKind.map((k) => [k.kind, k.warnings])).toEqual([['expiring', 2], ['term-ended', 0], ['overdue', 3], ['price-below-reference', 4], ['term-over-limit', 2], ['double-letting', 0]]);
    expect([json.total.warnings, json.total.overdue.outstanding, json.villages.map((v) => v.warnings)]).toEqual([11, '1160.00', [7, 4]]);
  });

  it('without reference prices checks none; finds a subject let twice while both contracts are in force; looks further with --within-days', async () => {
    const json = await warnings({ asOf: '2024-07-15', village: 'v', withinDays: 180 });
    expect(json.warnings.map((w) => [w.contractId, w.kind])).toEqual([['c2', 'expiring'], ['c2', 'overdue'], ['c3', 'overdue'], ['c4', 'term-over-limit'], ['c1', 'double-letting']]);
    expect(json.warnings.at(-1)).toMatchObject({ subject: '东坡耕地', contractIds: ['c1', 'c3'] });
    expect(json.total.overdue.byAge[0]).toEqual({ band: 'up-to-30', instalments: 2, outstanding: '1100.00' });
  });

  it('warns of a term that ended with nothing recorded to end or renew it', async () => {
    const json = await warnings({ asOf: '2025-01-10', village: 'w' });
    expect(json.warnings.filter((w) => w.kind === 'term-ended')).toEqual([expect.objectContaining({ contractId: 'c2', endsOn: '2024-12-31', daysSince: 10 })]);
  });
});

describe('report contracts (合同台账)', () => {
  it('lists each contract with its standing, review, price and schedule as of the date', async () => {
    const json = await ledger({ village: 'v', asOf: '2024-11-15' });
    expect([json.village, json.asOf]).toEqual([{ id: 'v', code: '3', name: '张家村' }, '2024-11-15']);
    expect(json.contracts.map((c) => [c.contractId, c.standing, c.review?.standing ?? null, c.scheduled, c.due, c.received, c.outstanding, c.overdue])).toEqual([
      ['c1', 'live', null, '3000.00', '1000.00', '1000.00', '0.00', '0.00'],
      ['c2', 'live', 'rectified', '1200.00', '600.00', '0.00', '600.00', '600.00'],
      ['c3', 'terminated', 'terminated', '500.00', '500.00', '0.00', '500.00', '500.00'],
      ['c4', 'live', 'pending', '5000.00', '0.00', '0.00', '0.00', '0.00'],
    ]);
    const c2 = json.contracts[1];
    expect(c2?.pricePerYear).toEqual({ unit: 'm2', amount: '9.97' });
    expect(c2?.instalments).toEqual([
      { no: 1, dueOn: '2024-06-30', amount: '600.00', recognised: true, received: '0.00', outstanding: '600.00', overdueDays: 138 },
      { no: 2, dueOn: '2024-12-31', amount: '600.00', recognised: false, received: '0.00', outstanding: '600.00', overdueDays: null },
    ]);
  });

  it('as of an earlier date: only contracts registered by then, and the payment not yet received', async () => {
    const json = await ledger({ village: 'v', asOf: '2024-04-05', lang: 'en' });
    expect(json.contracts.map((c) => [c.contractId, c.received, c.overdue])).toEqual([['c1', '0.00', '1000.00'], ['c2', '0.00', '0.00'], ['c4', '0.00', '0.00']]);
  });
});

describe('the contract reports refuse', () => {
  const refusal = (promise: Promise<unknown>): Promise<string> =>
    promise.then(
      () => 'accepted',
      (e: unknown) => (e as Error).message,
    );

  it('a look-ahead or a reference price that is not one, naming the option', async () => {
    expect(await refusal(warnings({ asOf: '2024-11-15', withinDays: -1 }))).toBe('--within-days: expected a whole number of days from 0 to 3650, got -1');
    expect(await refusal(warnings({ asOf: '2024-11-15', withinDays: 1.5 }))).toBe('--within-days: expected a whole number of days from 0 to 3650, got 1.5');
    expect(await refusal(warnings({ asOf: '2024-11-15', minPricePerMu: Money.zero }))).toBe('--min-price-per-mu: expected yuan per year above zero, e.g. 800 or 12.50, got 0.00');
    expect(await refusal(warnings({ asOf: '2024-11-15', minPricePerM2: '12' }))).toBe('--min-price-per-m2: expected yuan per year above zero, e.g. 800 or 12.50, got "12"');
  });

  it('a report without its date, a register without its village, and a period that ends before it starts', async () => {
    expect(await refusal(warnings({}))).toBe('warnings needs --as-of or --year: the register as of a date, e.g. --as-of 2023-12-31');
    expect(await refusal(ledger({ asOf: '2024-11-15' }))).toBe('contracts needs --village: a contract register belongs to one village');
    expect(await refusal(cleanup({ asOf: '2024-01-01', from: '2024-02-01' }))).toBe("--from 2024-02-01 is after the period's last day 2024-01-01");
    expect(await refusal(arrears({}))).toBe('arrears needs --as-of or --year, e.g. --as-of 2022-06-30 (and --from for the figures of a period)');
  });

  it('an option it does not take, with its reason', async () => {
    expect(await refusal(warnings({ asOf: '2024-11-15', from: '2024-01-01' }))).toBe('--from is not an option of warnings: it is as of one date; give --as-of');
    expect(await refusal(ledger({ village: 'v', asOf: '2024-11-15', township: 't' }))).toBe('--township is not an option of contracts: a contract register belongs to one village; use --village');
    expect(await refusal(arrears({ year: 2024, withinDays: 30 }))).toBe('--within-days is not an option of arrears: it is an option of warnings');
  });
});
