import { testLand } from '../domain/land/test-land.js';
import { parcel, transfer } from '../domain/land/test-land-inputs.js';

/**
 * Village `v` (households h1 with m1, m2 and h2 with m3) in 2021, after
 * testLedger registered it in 2020: h1's 4.5 mu and h2's 2 mu are
 * transferred directly to a kiwi company at 800.00 a mu a year (due each
 * 31 December), h2's other 3 mu pooled as land shares with a co-operative
 * through the collective (1 mu = 1 share, 500.00 guaranteed a share). For
 * the land report tests.
 */
export const testLandBooks = async () => {
  const l = await testLand();
  await l.ok('contract', parcel('p1', 'h1', '4.5', { contractedOn: '2020-06-01' }));
  await l.ok('contract', parcel('p2', 'h2', '2', { contractedOn: '2020-06-01' }));
  await l.ok('contract', parcel('p3', 'h2', '3', { contractedOn: '2020-06-01' }));
  const dated = { signedOn: '2021-01-01', startsOn: '2021-01-01', dueDates: ['2021-12-31', '2022-12-31'], consents: [] as object[] };
  const sign = (households: readonly string[]) => households.map((householdId) => ({ householdId, signedOn: '2020-12-01', document: `同意书-${householdId}` }));
  await l.ok('transfer', transfer('t1', [['p1', '4.5'], ['p2', '2']], [], { ...dated, consents: sign(['h1', 'h2']) }));
  await l.ok('transfer', transfer('t2', [['p3', '3']], [], { ...dated, operator: { name: '果业合作社', kind: 'cooperative' }, channel: 'collective', terms: { kind: 'shares', sharesPerMu: '1', guaranteedPerShare: '500.00' }, consents: sign(['h2']) }));
  await l.ok('pay', { paymentId: 'r1', transferId: 't1', householdId: 'h1', part: 'rent', paidOn: '2021-12-31', amount: '3600.00' });
  await l.ok('pay', { paymentId: 'r2', transferId: 't1', householdId: 'h2', part: 'rent', paidOn: '2021-12-31', amount: '1000.00' });
  await l.ok('collect', { transferId: 't2', collectedOn: '2021-12-20', amount: '1600.00', serviceFee: '100.00' });
  await l.ok('payOn', { transferId: 't2', householdId: 'h2', part: 'guaranteed-return', paidOn: '2021-12-31', amount: '1500.00' });
  await l.ok('declare', { transferId: 't2', year: 2021, declaredOn: '2021-12-31', amount: '301.00' });
  for (const [paymentId, memberId, householdId, amount] of [['w1', 'm1', 'h1', '4100.00'], ['w2', 'm2', 'h1', '3000.00'], ['w3', 'm3', 'h2', '2500.50']] as const) {
    await l.ok('wages', { paymentId, memberId, householdId, employer: { name: '猕猴桃公司', kind: 'company' }, paidOn: '2021-06-30', amount, period: '2021-06' });
  }
  return l;
};
