import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coreCatalog, memberKeyId, organization, reports, runReport, verifyStore } from '@collective-ledger/core';
import { openPgliteStore } from './open.js';
import { PostgresPersonalDataKeys } from './personal-data-keys.js';

const directories: string[] = [];
afterAll(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

const ok = async (outcome: Promise<{ _tag: string; left?: { message: string } }>): Promise<void> => {
  const result = await outcome;
  if (result._tag === 'Left') throw new Error(result.left?.message);
};

describe('personal data on PGlite', () => {
  it('seals with the keys table, erases by deleting the key, and the store still verifies', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'cl-personal-'));
    directories.push(directory);
    const store = await openPgliteStore(directory);
    try {
      const personalData = PostgresPersonalDataKeys.of(store);
      const context = { store, catalog: coreCatalog, personalData };
      let n = 0;
      const env = () => ({ commandId: `c-${(n += 1)}`, actor: '登记员' });
      await ok(organization.registerOrganization(context, { ...env(), occurredOn: '2020-01-01', input: { organizationId: 'd', kind: 'district', code: '1', name: '示范区' } }));
      await ok(organization.registerOrganization(context, { ...env(), occurredOn: '2020-01-01', input: { organizationId: 'v', kind: 'village', code: '3', name: '张家村', parentId: 'd' } }));
      await ok(organization.registerHousehold(context, { ...env(), occurredOn: '2020-01-01', input: { organizationId: 'v', householdId: 'h1', head: '张大山', address: '一组 3 号' } }));
      const admit = (memberId: string, idNumber: string) =>
        ok(organization.admitMember(context, { ...env(), input: { organizationId: 'v', memberId, householdId: 'h1', name: memberId, joinedOn: '2020-01-01', reason: 'founding', idNumber } }));
      await admit('m1', '140105196501011234');
      await admit('m2', '140105196802021234');
      await ok(organization.forgetMember(context, { ...env(), input: { organizationId: 'v', memberId: 'm1', erasedOn: '2024-05-01', reason: '本人申请' } }));
      expect(await personalData.read(memberKeyId('v', 'm1'))).toBeUndefined();
      const roll = await runReport(store, coreCatalog, reports.members, { village: 'v', asOf: '2024-12-31', personalData });
      expect(roll.households.map((h) => [h.address, h.members.map((m) => m.idNumber)])).toEqual([['一组 3 号', [{ withheld: 'erased' }, '140105196802021234']]]);
      expect((await verifyStore(store)).findings).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
