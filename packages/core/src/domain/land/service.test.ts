import { describe, expect, it } from 'vitest';
import { parcel, transfer } from './test-land-inputs.js';
import { testLand } from './test-land.js';

describe('the land commands', () => {
  it('record the register on land-<village> and wages on household-income-<village>-<year>', async () => {
    const l = await testLand();
    await l.ok('contract', parcel('p1', 'h1', '4.5'));
    await l.ok('transfer', transfer('t1', [['p1', '4.5']], ['h1']));
    await l.ok('pay', { paymentId: 'r1', transferId: 't1', householdId: 'h1', part: 'rent', paidOn: '2018-12-31', amount: '3600.00' });
    await l.ok('wages', { paymentId: 'w1', memberId: 'm1', householdId: 'h1', employer: { name: '猕猴桃公司', kind: 'company' }, paidOn: '2018-03-31', amount: '4100.00', period: '2018-03' });
    expect((await l.events('land-v')).map((e) => e.type)).toEqual(['ParcelContracted', 'LandTransferred', 'LandIncomePaid']);
    expect((await l.events('household-income-v-2018')).map((e) => e.type)).toEqual(['WagesPaid']);
  });

  it('refuse a transfer without consent, and write nothing', async () => {
    const l = await testLand();
    await l.ok('contract', parcel('p1', 'h1', '4.5'));
    const before = await l.count();
    const refused = await l.run('transfer', transfer('t1', [['p1', '4.5']], []));
    expect(refused.left?.code).toBe('LAND_CONSENT_MISSING');
    expect(await l.count()).toBe(before);
  });

  it('refuse wages of a member in another household, and write nothing', async () => {
    const l = await testLand();
    const before = await l.count();
    const refused = await l.run('wages', { paymentId: 'w1', memberId: 'm3', householdId: 'h1', employer: { name: '公司', kind: 'company' }, paidOn: '2018-03-31', amount: '1.00' });
    expect(refused.left?.code).toBe('LAND_HOUSEHOLD_UNKNOWN');
    expect(await l.count()).toBe(before);
  });

  it('refuse an unknown field in the input, naming it, and write nothing', async () => {
    const l = await testLand();
    const before = await l.count();
    const refused = await l.run('contract', { ...parcel('p1', 'h1', '4.5'), areaMu: '1' });
    expect(refused.left?.message).toContain('areaMu');
    expect(await l.count()).toBe(before);
  });
});

describe('land on the collective\'s books', () => {
  const viaCollective = transfer('t1', [['p1', '4.5'], ['p2', '2']], ['h1', 'h2'], { channel: 'collective', serviceFeePerMu: '20.00' });

  it('collects rent as intermediary on 113, keeps the fee as 501 income, and pays the households on', async () => {
    const l = await testLand();
    await l.ok('contract', parcel('p1', 'h1', '4.5'));
    await l.ok('contract', parcel('p2', 'h2', '2'));
    await l.ok('transfer', viaCollective);
    await l.ok('collect', { transferId: 't1', collectedOn: '2018-12-20', amount: '5330.00', serviceFee: '130.00' });
    await l.ok('payOn', { transferId: 't1', householdId: 'h1', part: 'rent', paidOn: '2018-12-31', amount: '3600.00' });
    const vouchers = (await l.events('ledger-v-2018')).filter((e) => e.type === 'VoucherPosted').map((e) => e.data as { voucherNo: string; lines: { account: string; side: string; amount: unknown }[] });
    expect(vouchers.map((v) => [v.voucherNo, v.lines.map((x) => `${x.side} ${x.account} ${String(x.amount)}`)])).toEqual([
      ['地-001', ['debit 102 5330.00', 'credit 113 5200.00', 'credit 501 130.00']],
      ['地-002', ['debit 113 3600.00', 'credit 102 3600.00']],
    ]);
  });

  it('refuses to pay on more than it holds for the transfer, and writes nothing', async () => {
    const l = await testLand();
    await l.ok('contract', parcel('p1', 'h1', '4.5'));
    await l.ok('contract', parcel('p2', 'h2', '2'));
    await l.ok('transfer', viaCollective);
    await l.ok('collect', { transferId: 't1', collectedOn: '2018-12-20', amount: '1000.00' });
    const before = await l.count();
    const refused = await l.run('payOn', { transferId: 't1', householdId: 'h1', part: 'rent', paidOn: '2018-12-31', amount: '1000.01' });
    expect(refused.left?.code).toBe('LAND_OVERPAID');
    expect(await l.count()).toBe(before);
  });

  it('carries what it still holds into the next year at the close', async () => {
    const l = await testLand();
    // testLedger registers the village in 2020: its books start then.
    await l.ok('collect', { transferId: 't1', collectedOn: '2020-12-20', amount: '1000.00' });
    const closed = await l.close(2020);
    expect(closed._tag).toBe('Right');
    await l.ok('payOn', { transferId: 't1', householdId: 'h1', part: 'rent', paidOn: '2021-01-10', amount: '1000.00' });
    const refused = await l.run('payOn', { transferId: 't1', householdId: 'h1', part: 'rent', paidOn: '2021-01-11', amount: '0.01' });
    expect(refused.left?.code).toBe('LAND_OVERPAID');
  });

  it('refuses a held account outside 113 and 211', async () => {
    const l = await testLand();
    const refused = await l.run('collect', { transferId: 't1', collectedOn: '2018-12-20', amount: '1000.00', heldAccount: '501' });
    expect(refused.left?.code).toBe('LAND_ACCOUNT_INVALID');
  });

});
