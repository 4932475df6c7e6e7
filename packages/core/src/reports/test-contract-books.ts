import { isLeft } from 'fp-ts/lib/Either.js';
import { registerResourceAsset } from '../domain/assets/service.js';
import { lease, testContracts } from '../domain/contracts/test-contracts.js';
import { registerOrganization } from '../domain/organization/service.js';

/*
 * Contract books for the contract reports' tests, built through the
 * commands: district d, township t with village v (张家村, resource r1, 20 mu
 * of arable land) and township t2 with village w (李家村, resource r2, 100 mu
 * of waste land), all in 2024.
 *
 * v: c1 leases r1 for 2024–2026, 1000.00 each 31 March, the first paid on
 *    2024-04-10; c2 lets a shop (120 m²) for 2024, 600.00 on 30 June and 31
 *    December, flagged on 2024-02-01 (no democratic procedure, price below
 *    market) and rectified (renegotiated) on 2024-03-01; c3 leases r1 again
 *    from 2024-06-01 (let twice), flagged on 2024-07-01 and terminated on
 *    2024-08-01, its 500.00 of 2024-06-30 never paid; c4 contracts out a
 *    described hill for 2024–2055 (32 years), flagged (term over the limit)
 *    on 2024-04-01 and still pending. Income is recognised through
 *    2024-06-30.
 * w: c1 contracts out r2 for 2024–2083 (60 years), 2000.00 each 31 March of
 *    2024 and 2025, flagged (fees unpaid) on 2024-05-01, withdrawn on
 *    2024-06-01 after 2000.00 was paid on 2024-05-20; c2 lets equipment to a
 *    company for 2024, 100.00 each quarter end: 60.00 paid on 31 March,
 *    80.00 on 15 July, 100.00 on 30 September (docs/contracts.md's example).
 */
export const contractBooks = async () => {
  const books = await testContracts();
  let n = 0;
  const org = async (input: object) => {
    const result = await registerOrganization(books.context, { commandId: `o-${(n += 1)}`, actor: '会计', input: input as never, occurredOn: '2020-01-01' });
    if (isLeft(result)) throw new Error(result.left.message);
  };
  await org({ organizationId: 't2', kind: 'township', code: '4', name: '南关镇', parentId: 'd' });
  await org({ organizationId: 'w', kind: 'village', code: '5', name: '李家村', parentId: 't2' });
  const r2 = await registerResourceAsset(books.context, {
    commandId: 'r-2',
    actor: '会计',
    input: { organizationId: 'w', assetId: 'r2', name: '北山荒地', kind: 'waste-land', area: '100', registeredOn: '2023-06-01', identifiedBy: 'register' },
  });
  if (isLeft(r2)) throw new Error(r2.left.message);
  const { ok } = books;
  await ok('register', lease('c1'));
  await ok('pay', { contractId: 'c1', receivedOn: '2024-04-10', amount: '1000.00' });
  await ok('register', {
    ...lease('c2'),
    category: 'building-lease',
    counterparty: { name: '惠民超市', kind: 'company' },
    subject: { description: '村委会临街门面', area: { value: '120', unit: 'm2' } },
    endsOn: '2024-12-31',
    instalments: [{ dueOn: '2024-06-30', amount: '600.00' }, { dueOn: '2024-12-31', amount: '600.00' }],
  });
  await ok('flag', { contractId: 'c2', flaggedOn: '2024-02-01', reasons: [{ reason: 'no-democratic-procedure' }, { reason: 'price-below-market' }] });
  await ok('rectify', { contractId: 'c2', rectifiedOn: '2024-03-01', method: 'renegotiated' });
  await ok('register', { ...lease('c3'), counterparty: { name: '王五', kind: 'household' }, signedOn: '2024-05-20', startsOn: '2024-06-01', endsOn: '2025-05-31', instalments: [{ dueOn: '2024-06-30', amount: '500.00' }] });
  await ok('recognise', { through: '2024-06-30' });
  await ok('register', {
    ...lease('c4'),
    category: 'resource-contracting',
    counterparty: { name: '青山林业公司', kind: 'company' },
    subject: { description: '后山', area: { value: '50', unit: 'mu' } },
    endsOn: '2055-12-31',
    instalments: [{ dueOn: '2024-12-31', amount: '5000.00' }],
  });
  await ok('flag', { contractId: 'c4', flaggedOn: '2024-04-01', reasons: [{ reason: 'term-over-limit' }] });
  await ok('flag', { contractId: 'c3', flaggedOn: '2024-07-01', reasons: [{ reason: 'other', note: '一地多租' }, { reason: 'no-democratic-procedure' }] });
  await ok('terminate', { contractId: 'c3', terminatedOn: '2024-08-01', reason: 'irregular', note: '与c1重复出租' });
  const w = (input: object) => ({ organizationId: 'w', ...input });
  await ok('register', w({
    ...lease('c1'),
    category: 'resource-contracting',
    counterparty: { name: '绿源农业公司', kind: 'company' },
    subject: { description: '北山荒地', assetId: 'r2', area: { value: '100', unit: 'mu' } },
    endsOn: '2083-12-31',
    instalments: [{ dueOn: '2024-03-31', amount: '2000.00' }, { dueOn: '2025-03-31', amount: '2000.00' }],
  }));
  await ok('flag', w({ contractId: 'c1', flaggedOn: '2024-05-01', reasons: [{ reason: 'fees-unpaid' }] }));
  await ok('pay', w({ contractId: 'c1', receivedOn: '2024-05-20', amount: '2000.00' }));
  await ok('withdraw', w({ contractId: 'c1', withdrawnOn: '2024-06-01', reason: '租金已补缴' }));
  await ok('register', w({
    ...lease('c2'),
    category: 'equipment-lease',
    counterparty: { name: '绿源农业公司', kind: 'company' },
    subject: { description: '拖拉机' },
    endsOn: '2024-12-31',
    instalments: ['03-31', '06-30', '09-30', '12-31'].map((day) => ({ dueOn: `2024-${day}`, amount: '100.00' })),
  }));
  await ok('pay', w({ contractId: 'c2', receivedOn: '2024-03-31', amount: '60.00' }));
  await ok('pay', w({ contractId: 'c2', receivedOn: '2024-07-15', amount: '80.00' }));
  await ok('pay', w({ contractId: 'c2', receivedOn: '2024-09-30', amount: '100.00' }));
  return books;
};
