import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { Money } from '../money/money.js';
import { runProjection } from '../kernel/projection.js';
import { coreCatalog } from '../catalog.js';
import { testLedger } from '../domain/ledger/test-ledger.js';
import type { AccountTotals, Balances } from './balances.js';
import { DEFAULT_THRESHOLDS, parseIncomeBasis, parseThresholds } from './income-basis.js';
import { incomeTiers, type IncomeTiersOptions } from './income-tiers.js';
import { incomeTiersProjection } from './income-tiers-projection.js';
import type { OrganizationNode } from './organizations.js';

const node = (organizationId: string, kind: OrganizationNode['kind'], parentId?: string): OrganizationNode => ({
  organizationId,
  kind,
  code: organizationId,
  name: `name-${organizationId}`,
  parentId,
});

/** District d; townships t1 and t2; villages a, b, c in t1 and x, y in t2. */
const tree = new Map(
  [
    node('d', 'district'),
    node('t1', 'township', 'd'),
    node('t2', 'township', 'd'),
    node('t3', 'township', 'd'),
    node('v-a', 'village', 't1'),
    node('v-b', 'village', 't1'),
    node('v-c', 'village', 't1'),
    node('v-x', 'village', 't2'),
    node('v-y', 'village', 't2'),
  ].map((n) => [n.organizationId, n]),
);

const totals = (debit: string, credit: string): AccountTotals => ({
  opening: 0n,
  debit: Money.of(debit).toFen(),
  credit: Money.of(credit).toFen(),
  closingDebit: 0n,
  closingCredit: 0n,
});

/** Balances from `village → account → [debit, credit]`. */
const balancesOf = (figures: Record<string, Record<string, readonly [string, string]>>): Balances =>
  new Map(
    Object.entries(figures).map(([village, accounts]) => [
      village,
      new Map(Object.entries(accounts).map(([account, [debit, credit]]) => [account, totals(debit, credit)])),
    ]),
  );

const options: IncomeTiersOptions = { year: 2022, basis: 'operating', thresholds: DEFAULT_THRESHOLDS };

const income = (fiveOhOne: string, extra: Record<string, readonly [string, string]> = {}) => ({ '501': ['0', fiveOhOne] as const, ...extra });

describe('incomeTiers', () => {
  it('counts a village with exactly 100,000.00 at or above 100,000 (以上), and 99,999.99 below it', () => {
    const result = incomeTiers({ tree, balances: balancesOf({ 'v-a': income('100000.00'), 'v-b': income('99999.99') }) }, options);
    const [a, b] = result.villages;
    expect(a).toMatchObject({ id: 'v-a', income: Money.of('100000'), tier: Money.of('100000'), weak: false, shell: false });
    expect(b).toMatchObject({ id: 'v-b', income: Money.of('99999.99'), tier: 'below', weak: true, shell: false });
    expect(result.district.atOrAbove.map((t) => [t.threshold.toString(), t.count])).toEqual([
      ['100000.00', 1],
      ['500000.00', 0],
      ['1000000.00', 0],
    ]);
  });

  it('places each boundary in the tier it reaches, and shells under 50,000.00 (zero and losses included)', () => {
    const balances = balancesOf({
      'v-a': income('1000000.00'),
      'v-b': income('999999.99'),
      'v-c': income('50000.00'),
      'v-x': income('49999.99'),
      'v-y': { '501': ['300.00', '100.00'] },
    });
    const result = incomeTiers({ tree, balances }, options);
    expect(result.villages.map((v) => [v.id, v.income.toString(), v.tier === 'below' ? 'below' : v.tier.toString(), v.weak, v.shell])).toEqual([
      ['v-a', '1000000.00', '1000000.00', false, false],
      ['v-b', '999999.99', '500000.00', false, false],
      ['v-c', '50000.00', 'below', true, false],
      ['v-x', '49999.99', 'below', true, true],
      ['v-y', '-200.00', 'below', true, true],
    ]);
    expect(result.district.shell.count).toBe(2);
    expect(result.district.weak.count).toBe(3);
  });

  it('counts cumulatively, with exact shares and one-decimal percents', () => {
    const balances = balancesOf({ 'v-a': income('1500000'), 'v-b': income('600000'), 'v-c': income('120000') });
    const { district } = incomeTiers({ tree, balances }, options);
    expect(district.villages).toBe(5);
    expect(district.atOrAbove.map((t) => [t.count, t.share?.toJSON()])).toEqual([
      [3, { numerator: '3', denominator: '5', percent: '60.0' }],
      [2, { numerator: '2', denominator: '5', percent: '40.0' }],
      [1, { numerator: '1', denominator: '5', percent: '20.0' }],
    ]);
    expect(district.income.toString()).toBe('2220000.00');
    // v-x and v-y posted nothing in the year: they count, with income 0, as weak shells.
    expect(district.weak).toMatchObject({ count: 2 });
    expect(district.shell.share?.toPercent()).toBe('40.0%');
  });

  it('takes any thresholds, in any order, sorted ascending', () => {
    const balances = balancesOf({ 'v-a': income('250000'), 'v-b': income('80000'), 'v-c': income('20000') });
    const thresholds = [Money.of('200000'), Money.of('20000')];
    const result = incomeTiers({ tree, balances }, { ...options, thresholds });
    expect(result.thresholds.map(String)).toEqual(['20000.00', '200000.00']);
    expect(result.villages.map((v) => String(v.tier))).toEqual(['200000.00', '20000.00', '20000.00', 'below', 'below']);
    // Weak is below the lowest threshold given; shell stays under 50,000.
    expect(result.villages.map((v) => [v.weak, v.shell])).toEqual([
      [false, false],
      [false, false],
      [false, true],
      [true, true],
      [true, true],
    ]);
  });

  it('adds 501 and 502 on the operating basis, 501 to 504 on the total basis, sub-accounts with their root', () => {
    const balances = balancesOf({
      'v-a': {
        '50101': ['0', '60000'],
        '50102': ['1000', '20000'],
        '502': ['0', '30000'],
        '503': ['0', '40000'],
        '50401': ['0', '5000'],
        '511': ['70000', '0'],
        '102': ['155000', '1000'],
      },
    });
    const operating = incomeTiers({ tree, balances }, options).villages[0];
    const total = incomeTiers({ tree, balances }, { ...options, basis: 'total' }).villages[0];
    expect(operating?.income.toString()).toBe('109000.00');
    expect(total?.income.toString()).toBe('154000.00');
    expect(incomeTiers({ tree, balances }, { ...options, basis: 'total' }).accounts).toEqual(['501', '502', '503', '504']);
  });

  it('rolls the villages up by township, listing a township with no villages', () => {
    const balances = balancesOf({ 'v-a': income('1200000'), 'v-b': income('90000'), 'v-x': income('510000'), 'v-y': income('40000') });
    const result = incomeTiers({ tree, balances }, options);
    expect(result.district).toMatchObject({ id: 'd', name: 'name-d', villages: 5 });
    expect(result.townships.map((t) => [t.id, t.villages, t.atOrAbove.map((a) => a.count), t.weak.count, t.shell.count])).toEqual([
      ['t1', 3, [1, 1, 1], 2, 1],
      ['t2', 2, [1, 1, 0], 1, 1],
      ['t3', 0, [0, 0, 0], 0, 0],
    ]);
    expect(result.townships[2]?.weak.share).toBeUndefined();
    expect(result.villages.map((v) => v.township)).toEqual(['t1', 't1', 't1', 't2', 't2']);
  });

  it('keeps to a township or a village when scoped', () => {
    const balances = balancesOf({ 'v-a': income('1200000'), 'v-x': income('510000') });
    const township = incomeTiers({ tree, balances }, { ...options, scope: { township: 't2' } });
    expect(township.villages.map((v) => v.id)).toEqual(['v-x', 'v-y']);
    expect(township.townships.map((t) => t.id)).toEqual(['t2']);
    expect(township.district).toMatchObject({ id: 'd', villages: 2 });
    const village = incomeTiers({ tree, balances }, { ...options, scope: { village: 'v-a' } });
    expect(village.villages.map((v) => v.id)).toEqual(['v-a']);
    expect(village.townships.map((t) => [t.id, t.villages])).toEqual([['t1', 1]]);
  });

  it('gives zero counts and no shares for a scope without villages', () => {
    const result = incomeTiers({ tree, balances: new Map() }, { ...options, scope: { township: 't3' } });
    expect(result.villages).toEqual([]);
    expect(result.district).toMatchObject({ id: 'd', villages: 0, income: Money.zero });
    expect(result.district.atOrAbove.every((t) => t.count === 0 && t.share === undefined)).toBe(true);
    expect(result.district.weak).toEqual({ count: 0, share: undefined });
    const empty = incomeTiers({ tree: new Map(), balances: new Map() }, options);
    expect(empty.district).toMatchObject({ id: undefined, villages: 0 });
    expect(empty.townships).toEqual([]);
  });

  it('refuses thresholds that are empty, negative or twice', () => {
    const run = (thresholds: readonly Money[]) => () => incomeTiers({ tree, balances: new Map() }, { ...options, thresholds });
    expect(run([])).toThrow(/at least one threshold/);
    expect(run([Money.of('-1')])).toThrow(/-1.00 is negative/);
    expect(run([Money.of('5'), Money.of('5.00')])).toThrow(/5.00 is given twice/);
  });

  it('reads income from the year’s vouchers, not from the closing entries, and nets a reversal', async () => {
    const books = await testLedger();
    await books.voucher('记-001', '2022-03-01', [['102', 'debit', '80000.00'], ['501', 'credit', '80000.00']]);
    await books.voucher('记-002', '2022-04-01', [['102', 'debit', '30000.00'], ['502', 'credit', '30000.00']]);
    await books.voucher('记-003', '2022-04-02', [['102', 'debit', '30000.00'], ['502', 'credit', '30000.00']]);
    await books.voucher('记-004', '2022-04-03', [['502', 'debit', '30000.00'], ['102', 'credit', '30000.00']], { reverses: '记-003' });
    await books.voucher('记-005', '2022-05-01', [['513', 'debit', '9000.00'], ['102', 'credit', '9000.00']]);
    await books.voucher('记-001', '2023-01-05', [['102', 'debit', '5000.00'], ['501', 'credit', '5000.00']]);
    expect(isRight(await books.close(2022))).toBe(true);
    const { state } = await runProjection(books.store, coreCatalog, incomeTiersProjection(2022));
    const [village] = incomeTiers(state, options).villages;
    expect(village).toMatchObject({ id: 'v', income: Money.of('110000'), tier: Money.of('100000') });
  });
});

describe('parseThresholds and parseIncomeBasis', () => {
  it('reads a comma list of plain yuan amounts, sorted ascending', () => {
    const parsed = parseThresholds('1000000, 100000,500000.50');
    expect(isRight(parsed) && parsed.right.map(String)).toEqual(['100000.00', '500000.50', '1000000.00']);
  });

  it.each([
    ['100000,,500000', 'item 2 is empty; give yuan amounts separated by commas, e.g. 100000,500000,1000000'],
    ['', 'item 1 is empty; give yuan amounts separated by commas, e.g. 100000,500000,1000000'],
    ['1e5', 'item 1: expected a yuan amount'],
    ['100000,12.345', 'item 2: expected a yuan amount with at most 2 decimals, got "12.345"'],
    ['100000,-5', '-5.00 is negative; a threshold is a yuan amount of zero or more'],
    ['100000,500000,100000.00', '100000.00 is given twice'],
  ])('refuses %j', (text, message) => {
    const parsed = parseThresholds(text);
    expect(isLeft(parsed) && parsed.left).toContain(message);
  });

  it('reads the basis', () => {
    expect(parseIncomeBasis('total')).toEqual({ _tag: 'Right', right: 'total' });
    expect(parseIncomeBasis('gross')).toEqual({ _tag: 'Left', left: 'expected operating (501 + 502) or total (501 to 504), got "gross"' });
  });
});
