import { beforeAll, describe, expect, it } from 'vitest';
import { BooksCheck, type EventToCheck } from '../../audit/books-check.js';
import { booksRules } from '../../audit/books-rules.js';
import { coreCatalog } from '../../catalog.js';
import type { JsonObject } from '../../kernel/event.js';
import { InMemoryEventStore } from '../../kernel/memory-store.js';
import { importLedger, writeLedger } from '../../kernel/ndjson/index.js';
import { testLandBooks } from '../../reports/test-land-books.js';
import { parcel, transfer } from './test-land-inputs.js';
import { testLand, type LandService } from './test-land.js';

/*
 * The checked import and `verify` over a village's land: what the commands
 * wrote passes; each kind of bad line is refused on its line with the rule
 * and the words the command refuses it with.
 */

type Recorded = EventToCheck & { readonly data: JsonObject };

const check = (events: readonly Recorded[]) => {
  const books = new BooksCheck();
  const found = events.flatMap((event, i) => books.check(event, { streamId: event.streamId, line: i + 1 }));
  return [...found, ...books.finish()].filter((f) => f.severity === 'error').map((f) => ({ line: f.line, rule: f.rule, message: f.message }));
};

const ledgerText = (events: readonly Recorded[]): string =>
  events.map((e) => `${JSON.stringify({ streamId: e.streamId, type: e.type, data: e.data, metadata: e.metadata })}\n`).join('');

let recorded: Recorded[];
let text: string;

beforeAll(async () => {
  const l = await testLandBooks();
  await l.ok('contract', parcel('p4', 'h1', '1.5', { contractedOn: '2021-12-31' }));
  await l.ok('split', { parcelId: 'p4', splitOn: '2022-01-10', into: [{ parcelId: 'p4a', area: '1' }, { parcelId: 'p4b', area: '0.5' }] });
  await l.ok('merge', { parcelIds: ['p4a', 'p4b'], mergedOn: '2022-02-01', into: 'p5' });
  await l.ok('certify', { parcelId: 'p5', certifiedOn: '2022-03-01', certificate: { number: '确权-005', issuedOn: '2022-03-01' } });
  await l.ok('fee', { transferId: 't2', receivedOn: '2022-03-15', amount: '50.00' });
  recorded = [];
  for await (const e of l.store.readAll()) recorded.push({ streamId: e.streamId, type: e.type, data: e.data, metadata: e.metadata });
  text = '';
  for await (const line of writeLedger(l.store.readAll())) text += line;
});

const indexOf = (type: string, from = 0): number => recorded.findIndex((e, i) => i >= from && e.type === type);
const changed = (at: number, data: JsonObject): Recorded[] => recorded.map((e, i) => (i === at ? { ...e, data: { ...e.data, ...data } } : e));

type T1 = (consents: readonly string[], parcels?: readonly (readonly [string, string])[]) => object;

/** t1 as testLandBooks signs it (to the kiwi company, 2021–2027), with these consents and parcels. */
const t1: T1 = (consents, parcels = [['p1', '4.5'], ['p2', '2']]) =>
  transfer('t1', parcels, [], { signedOn: '2021-01-01', startsOn: '2021-01-01', dueDates: ['2021-12-31', '2022-12-31'], consents: consents.map((householdId) => ({ householdId, signedOn: '2020-12-01', document: `同意书-${householdId}` })) });

/** What the command says of the same change on the same books: testLand's village with p1–p3 contracted, and t1 signed if `signed`. */
const commandRefusal = async (service: LandService, input: object, { signed = false } = {}) => {
  const l = await testLand();
  for (const [id, household, area] of [['p1', 'h1', '4.5'], ['p2', 'h2', '2'], ['p3', 'h2', '3']] as const) await l.ok('contract', parcel(id, household, area, { contractedOn: '2020-06-01' }));
  if (signed) await l.ok('transfer', t1(['h1', 'h2']));
  const result = await l.run(service, input);
  if (result._tag !== 'Left' || result.left === undefined) throw new Error(`${service} accepted it`);
  return { rule: result.left.code, message: result.left.message };
};

/** The import refuses the file, naming the line and the rule. */
const importRefusal = async (events: readonly Recorded[]) => {
  const store = new InMemoryEventStore();
  const error: unknown = await importLedger(store, async function* () { yield ledgerText(events); }, coreCatalog, { rules: booksRules() }).then(() => undefined, (e: unknown) => e);
  expect(store.size).toBe(0);
  return (error as Error).message;
};

describe('the checked import and verify over a village’s land', () => {
  it('accept every line the land commands wrote: parcels, split, merger, transfers, payments, wages, the collective’s land vouchers', async () => {
    const land = ['ParcelContracted', 'ParcelSplit', 'ParcelsMerged', 'ParcelCertified', 'LandTransferred', 'LandIncomePaid', 'LandDividendDeclared', 'WagesPaid', 'LandRentCollected', 'LandIncomePaidOn', 'LandServiceFeeReceived'];
    expect(land.filter((type) => !recorded.some((e) => e.type === type))).toEqual([]);
    expect(check(recorded)).toEqual([]);
    const imported = await importLedger(new InMemoryEventStore(), async function* () { yield text; }, coreCatalog, { rules: booksRules() });
    expect(imported.events).toBe(recorded.length);
  });

  it('refuse a transfer without every household’s written consent, as TransferLand does', async () => {
    const at = indexOf('LandTransferred');
    const refusal = await commandRefusal('transfer', t1(['h1']));
    expect(refusal.rule).toBe('LAND_CONSENT_MISSING');
    const events = changed(at, { consents: (recorded[at]!.data['consents'] as JsonObject[]).filter((c) => c['householdId'] === 'h1') });
    expect(check(events)).toContainEqual({ line: at + 1, ...refusal });
    expect(await importRefusal(events)).toContain(`line ${at + 1}`);
  });

  it('refuse a transfer of more area than the parcel has, as TransferLand does', async () => {
    const at = indexOf('LandTransferred');
    const refusal = await commandRefusal('transfer', t1(['h1', 'h2'], [['p1', '4.5001'], ['p2', '2']]));
    expect(refusal.rule).toBe('LAND_AREA_EXCEEDED');
    const events = changed(at, { parcels: [{ parcelId: 'p1', area: '4.5001' }, { parcelId: 'p2', area: '2.0000' }] });
    expect(check(events)).toContainEqual({ line: at + 1, ...refusal });
    expect(await importRefusal(events)).toMatch(new RegExp(`line ${at + 1}.*LAND_AREA_EXCEEDED`));
  });

  it('refuse a payment to a household above what it is owed over the transfer, as PayHousehold does', async () => {
    const at = indexOf('LandIncomePaid');
    const input = { paymentId: 'r1', transferId: 't1', householdId: 'h1', part: 'rent', paidOn: '2021-12-31', amount: '7200.01' };
    const refusal = await commandRefusal('pay', input, { signed: true });
    expect(refusal.rule).toBe('LAND_OVERPAID');
    const events = changed(at, { amount: '7200.01' });
    expect(check(events)).toContainEqual({ line: at + 1, ...refusal });
    expect(await importRefusal(events)).toMatch(new RegExp(`line ${at + 1}.*LAND_OVERPAID`));
  });

  it('refuse a payment on by the collective above what it holds for the transfer', async () => {
    const at = indexOf('LandIncomePaidOn');
    const events = changed(at, { amount: '1500.01' });
    expect(check(events).find((f) => f.line === at + 1)?.message).toContain('amount: 1500.01 is more than the 1500.00 the collective holds for t2');
    expect(await importRefusal(events)).toContain(`line ${at + 1}`);
  });

  it('refuse a land voucher that does not post what the rent collected implies, or none at all', async () => {
    const at = indexOf('VoucherPosted', indexOf('LandRentCollected'));
    const lines = (recorded[at]!.data['lines'] as JsonObject[]).map((l) => (l['account'] === '113' ? { ...l, account: '211' } : l));
    const unbalanced = changed(at, { lines: lines.slice(1) });
    expect(check(changed(at, { lines }))).toContainEqual(expect.objectContaining({ line: at + 1, rule: 'GENERATED_VOUCHER_MISMATCH' }));
    expect(check(unbalanced)).toContainEqual(expect.objectContaining({ line: at + 1 }));
    expect(await importRefusal(unbalanced)).toContain(`line ${at + 1}`);
    const missing = recorded.filter((_, i) => i !== at);
    expect(check(missing)).toContainEqual(expect.objectContaining({ line: at, rule: 'GENERATED_VOUCHER_MISSING' }));
    expect(await importRefusal(missing)).toContain('GENERATED_VOUCHER_MISSING');
  });

  it('refuse wages to a member of another household, and wages on the stream of another year', async () => {
    const at = indexOf('WagesPaid');
    expect(check(changed(at, { householdId: 'h2' }))).toContainEqual({ line: at + 1, rule: 'LAND_HOUSEHOLD_UNKNOWN', message: 'householdId: m1 belongs to household h1 on 2021-06-30, not h2' });
    const moved = recorded.map((e, i) => (i === at ? { ...e, streamId: 'household-income-v-2022' } : e));
    expect(check(moved)).toContainEqual(expect.objectContaining({ line: at + 1, rule: 'STREAM_YEAR' }));
  });

  it('refuse a land event on the collective’s ledger stream', () => {
    const at = indexOf('LandTransferred');
    const moved = recorded.map((e, i) => (i === at ? { ...e, streamId: 'ledger-v-2021' } : e));
    expect(check(moved)).toContainEqual(expect.objectContaining({ line: at + 1, rule: 'STREAM_EVENT_TYPE' }));
  });
});
