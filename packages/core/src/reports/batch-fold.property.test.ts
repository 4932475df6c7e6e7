import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecodedEvent, DomainEvent } from '../kernel/event.js';
import { foldEvents, type Projection } from '../kernel/projection.js';
import { coreCatalog } from '../catalog.js';
import { Money } from '../money/money.js';
import { assetsProjection } from './assets-projection.js';
import { shareBooksProjection } from './share-books.js';
import { accountBalances, yearWindow } from './balances.js';
import { statementsProjection } from './statement.js';

const isMapLike = (value: unknown): value is Iterable<[unknown, unknown]> =>
  value instanceof Map || (typeof value === 'object' && value !== null && Symbol.iterator in value && 'get' in value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Plain values of a state, maps as arrays of entries in their order, so that two states compare by what a reader sees. */
const plain = (value: unknown): unknown => {
  if (isMapLike(value)) return [...value].map(([k, v]) => [k, plain(v)]);
  if (value instanceof Money) return `${value.toString()} yuan`;
  if (typeof value === 'bigint') return `${value}n`;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return Array.isArray(value) ? value.map(plain) : value;
};

/** The events a projection reads, as `runProjection` picks them. */
const readBy = <S, E extends DomainEvent>(projection: Projection<S, E>, events: readonly DecodedEvent<E>[]) =>
  events.filter((e) => projection.handles === undefined || projection.handles.includes(e.event.type));

/** The events cut into batches at `cuts` (positions taken modulo the length), each batch folded with `foldEvents`. */
const inBatches = <S, E extends DomainEvent>(projection: Projection<S, E>, all: readonly DecodedEvent<E>[], cuts: readonly number[]): S => {
  const events = readBy(projection, all);
  const at = [...new Set(cuts.map((c) => (events.length === 0 ? 0 : c % events.length)))].sort((a, b) => a - b);
  let state = projection.init();
  let from = 0;
  for (const to of [...at, events.length]) {
    state = foldEvents(projection, state, events.slice(from, to));
    from = Math.max(from, to);
  }
  return state;
};

const oneByOne = <S, E extends DomainEvent>(projection: Projection<S, E>, events: readonly DecodedEvent<E>[]): S =>
  readBy(projection, events).reduce((state, event) => projection.apply(state, event), projection.init());

let position = 0n;
const decoded = (type: string, data: object, occurredOn = '2023-06-01'): DecodedEvent => ({
  streamId: 's',
  streamPosition: 0n,
  globalPosition: (position += 1n),
  event: { type, data },
  metadata: { eventId: `e${position}`, occurredOn, actor: 'a', schemaVersion: 1, recordedAt: '2024-01-01T00:00:00Z' },
});

const line = fc.record({
  account: fc.constantFrom('101', '102', '501', '511', '15101', '321'),
  side: fc.constantFrom('debit', 'credit'),
  amount: fc.bigInt({ min: 1n, max: 10_000n }).map((fen) => Money.fromFen(fen)),
});
const ledgerEvent = fc.oneof(
  fc.record({ org: fc.constantFrom('v1', 'v2', 'v3'), date: fc.constantFrom('2022-12-31', '2023-01-01', '2023-07-15', '2023-12-31', '2024-01-02'), lines: fc.array(line, { maxLength: 3 }) })
    .map(({ org, date, lines }) => decoded('VoucherPosted', { organizationId: org, voucherNo: '记-1', date, summary: 's', lines })),
  fc.record({ org: fc.constantFrom('v1', 'v4'), closedOn: fc.constantFrom('2022-12-31', '2023-12-31'), entries: fc.array(line, { maxLength: 2 }) })
    .map(({ org, closedOn, entries }) => decoded('YearClosed', { organizationId: org, year: 2023, closedOn, entries })),
  fc.record({ org: fc.constantFrom('v1', 'v5') }).map(({ org }) => decoded('OrganizationRegistered', { organizationId: org, kind: 'village', code: org, name: org, parentId: 'd' })),
);

/** An event of the catalog, decoded from its JSON data as a replay would. */
const fromJson = (type: string, data: Record<string, unknown>, occurredOn: string): DecodedEvent => decoded(type, coreCatalog.decode(type, data, 1).data, occurredOn);

const village = fc.constantFrom('v1', 'v2');
const assetId = fc.constantFrom('f1', 'f2', 'f3', 'r1');
const day = fc.constantFrom('2022-11-30', '2023-03-31', '2023-09-30', '2024-01-31');
const yuan = fc.integer({ min: 1, max: 900_000 }).map((fen) => Money.fromFen(BigInt(fen)).toString());
const assetEvent = fc.oneof(
  fc.record({ v: village, a: assetId, on: day, cost: yuan, how: fc.constantFrom('purchase', 'donation', 'subsidy') }).map(({ v, a, on, cost, how }) =>
    fromJson('FixedAssetAcquired', {
      organizationId: v, assetId: a, name: a, category: 'operating', acquisition: how, acquiredOn: on, cost, usefulLifeMonths: 120, residualRate: '5',
      method: 'straight-line', chargeAccount: '511', costAccount: '15101', depreciationAccount: '152', creditAccount: '102', voucherNo: '资-1',
    }, on),
  ),
  fc.record({ v: village, a: assetId, on: day, amount: yuan }).map(({ v, a, on, amount }) =>
    fromJson('DepreciationCharged', { organizationId: v, assetId: a, month: on.slice(0, 7), amount, voucherNo: '资-2' }, on),
  ),
  fc.record({ v: village, a: assetId, on: day, change: yuan, loss: fc.boolean() }).map(({ v, a, on, change, loss }) =>
    fromJson('FixedAssetRevalued', { organizationId: v, assetId: a, revaluedOn: on, change: loss ? `-${change}` : change, reason: loss ? 'stock-take' : 'appraisal', voucherNo: '资-3' }, on),
  ),
  fc.record({ v: village, a: assetId, on: day, cost: yuan }).map(({ v, a, on, cost }) =>
    fromJson('FixedAssetDisposed', { organizationId: v, assetId: a, disposedOn: on, disposal: 'transfer-out', cost, accumulated: '0.00', proceeds: '0.00', voucherNo: '资-4' }, on),
  ),
  fc.record({ v: village, on: day, amount: yuan }).map(({ v, on, amount }) =>
    fromJson('ResourceIncomeRecorded', { organizationId: v, assetId: 'r1', receivedOn: on, amount, incomeAccount: '501', receivedInto: '102', summary: '租金', voucherNo: '资-5' }, on),
  ),
);

const member = fc.constantFrom('m1', 'm2', 'm3');
const household = fc.constantFrom('h1', 'h2');
const memberEvent = fc.oneof(
  fc.record({ v: village, h: household, on: day }).map(({ v, h, on }) => fromJson('HouseholdRegistered', { organizationId: v, householdId: h, head: `户主${h}` }, on)),
  fc.record({ v: village, m: member, h: household, on: day }).map(({ v, m, h, on }) =>
    fromJson('MemberJoined', { organizationId: v, memberId: m, householdId: h, name: m, joinedOn: on, reason: 'founding' }, on),
  ),
  fc.record({ v: village, m: member, on: day }).map(({ v, m, on }) => fromJson('MemberLeft', { organizationId: v, memberId: m, leftOn: on, reason: 'death' }, on)),
  fc.record({ v: village, m: member, h: household, on: day }).map(({ v, m, h, on }) =>
    fromJson('MemberMovedHousehold', { organizationId: v, memberId: m, fromHouseholdId: 'h1', toHouseholdId: h, movedOn: on }, on),
  ),
);

describe('a batch folds to the state of its events one by one', () => {
  it('the share books (organizations, member register), whatever the batches', () => {
    const projection = shareBooksProjection();
    fc.assert(
      fc.property(fc.array(fc.oneof(memberEvent, ledgerEvent), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 5 }), (events, cuts) => {
        expect(plain(inBatches(projection, events, cuts))).toEqual(plain(oneByOne(projection, events)));
      }),
      { numRuns: 300 },
    );
  });

  it('the assets projection (registers, factors, resource income, balances), whatever the batches', () => {
    const projection = assetsProjection(yearWindow(2023));
    fc.assert(
      fc.property(fc.array(fc.oneof(assetEvent, ledgerEvent), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 5 }), (events, cuts) => {
        expect(plain(inBatches(projection, events, cuts))).toEqual(plain(oneByOne(projection, events)));
      }),
      { numRuns: 300 },
    );
  });

  it('account balances, whatever the batches', () => {
    const projection = accountBalances(yearWindow(2023));
    fc.assert(
      fc.property(fc.array(ledgerEvent, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 5 }), (events, cuts) => {
        const typed = events as unknown as DecodedEvent<Parameters<typeof projection.apply>[1]['event']>[];
        expect(plain(inBatches(projection, typed, cuts))).toEqual(plain(oneByOne(projection, typed)));
      }),
      { numRuns: 300 },
    );
  });

  it('the statements projection (combined members), whatever the batches', () => {
    const projection = statementsProjection(yearWindow(2023));
    fc.assert(
      fc.property(fc.array(ledgerEvent, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 5 }), (events, cuts) => {
        expect(plain(inBatches(projection, events, cuts))).toEqual(plain(oneByOne(projection, events)));
      }),
      { numRuns: 200 },
    );
  });
});
