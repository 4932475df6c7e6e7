import { describe, expect, it } from 'vitest';
import { booksOf2023, plan } from '../domain/shares/test-shares.js';
import { runProjection } from '../kernel/projection.js';
import { distributionReportOf } from './distribution-report.js';
import { dividendsReportOf } from './dividends-report.js';
import { shareBooksProjection } from './share-books.js';
import { shareRegisterReportOf } from './shares-report.js';

const distributedBooks = async () => {
  const books = await booksOf2023();
  await books.ok('distribute', plan());
  await books.ok('pay', { year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1' }, { memberId: 'm2', amount: '1000.00' }] });
  const { state } = await runProjection(books.store, books.context.catalog, shareBooksProjection());
  return state;
};

const text = (m: ReadonlyMap<string, { toFixed(): string }>) => Object.fromEntries([...m].map(([k, v]) => [k, v.toFixed()]));

describe('share reports', () => {
  it('dividends: per member and household, with what is paid and what is still payable', async () => {
    const report = dividendsReportOf(await distributedBooks(), 'v', 2023);
    expect(report?.members.map((m) => [m.memberId, m.name, m.householdId, m.weightedShares.toFixed(), m.dividend.toString(), m.paid.toString(), m.unpaid.toString()])).toEqual([
      ['m1', '张大', 'h1', '2', '3764.71', '3764.71', '0.00'],
      ['m2', '张小', 'h1', '1.5', '2823.53', '1000.00', '1823.53'],
      ['m3', '李二', 'h2', '2.5', '4705.88', '0.00', '4705.88'],
      ['m4', '李三', 'h2', '1', '1882.35', '0.00', '1882.35'],
    ]);
    expect(report?.households.map((h) => [h.householdId, h.head, text(h.shares), h.dividend.toString(), h.unpaid.toString()])).toEqual([
      ['h1', '张大', { member: '2', labour: '3' }, '6588.24', '1823.53'],
      ['h2', '李二', { member: '2', labour: '3' }, '6588.23', '6588.23'],
    ]);
    expect([report?.pool.toString(), report?.retained.toString(), report?.dividend.toString(), report?.paid.toString(), report?.unpaid.toString()]).toEqual([
      '32000.00',
      '18823.53',
      '13176.47',
      '4764.71',
      '8411.76',
    ]);
    // 32,000.00 / 17 = 1,882.3529411764…
    expect([report?.perShare.decimal.toFixed(), report?.perShare.rounded.toString()]).toEqual(['1882.35294118', '1882.35']);
  });

  it('shares: the register on a date by holder, household and class, with the value per share', async () => {
    const report = shareRegisterReportOf(await distributedBooks(), 'v', '2023-12-31');
    expect(report?.holders.map((h) => [h.memberId, h.householdId, text(h.byClass), h.total.toFixed(), h.isMember])).toEqual([
      ['m1', 'h1', { member: '1', labour: '2' }, '3', true],
      ['m2', 'h1', { member: '1', labour: '1' }, '2', true],
      ['m3', 'h2', { member: '1', labour: '3' }, '4', true],
      ['m4', 'h2', { member: '1' }, '1', true],
    ]);
    expect(report?.households.map((h) => [h.householdId, h.holders, h.total.toFixed()])).toEqual([['h1', 2, '5'], ['h2', 2, '5']]);
    expect([text(report?.totals.byClass ?? new Map()), report?.collective.total.toFixed()]).toEqual([{ member: '4', labour: '6', collective: '10' }, '10']);
    // 200,000.00 over 20 shares.
    expect(report?.quantification?.valuePerShare.toString()).toBe('10000.00');
    expect(shareRegisterReportOf(await distributedBooks(), 'v', '2021-06-29')?.quantification).toBeUndefined();
  });

  it('distribution: the statement of the closed year, step by step, down to what stays undistributed', async () => {
    const report = distributionReportOf(await distributedBooks(), 'v', 2023);
    expect(report?.lines.map((l) => [l.key, l.amount.toString(), l.kind])).toEqual([
      ['netIncome', '80000.00', 'item'],
      ['openingUndistributed', '0.00', 'item'],
      ['transfersIn', '0.00', 'item'],
      ['distributable', '80000.00', 'subtotal'],
      ['lossesCovered', '0.00', 'memo'],
      ['reserveBasis', '80000.00', 'memo'],
      ['reserve', '16000.00', 'item'],
      ['welfare', '4000.00', 'item'],
      ['dividends', '13176.47', 'item'],
      ['retained', '18823.53', 'memo'],
      ['undistributed', '46823.53', 'total'],
    ]);
    expect(distributionReportOf(await distributedBooks(), 'v', 2022)).toBeUndefined();
  });
});
