import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreCatalog, InMemoryEventStore, organization, writeLedger } from '@collective-ledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilePersonalDataKeys, personalDataKeysPath } from '../file-keys.js';
import { cli, report } from './test-ledgers.js';

let dir: string;
let ledger: string;

/** 张家村: one household, 张大山 and 李秀英 with ID numbers sealed by the ledger's key file; 李秀英's personal data erased. */
const buildLedger = async (name = 'personal', phone?: string): Promise<string> => {
  const path = join(dir, `${name}.ndjson`);
  const store = new InMemoryEventStore();
  const context = { store, catalog: coreCatalog, personalData: await FilePersonalDataKeys.open(personalDataKeysPath(path)) };
  let n = 0;
  const ok = async (result: Promise<{ _tag: string; left?: { message: string } }>): Promise<void> => {
    const r = await result;
    if (r._tag === 'Left') throw new Error(r.left?.message);
  };
  const env = () => ({ commandId: `c-${(n += 1)}`, actor: '登记员' });
  await ok(organization.registerOrganization(context, { ...env(), occurredOn: '2020-01-01', input: { organizationId: 'd', kind: 'district', code: '1', name: '示范区' } }));
  await ok(organization.registerOrganization(context, { ...env(), occurredOn: '2020-01-01', input: { organizationId: 'v', kind: 'village', code: '3', name: '张家村', parentId: 'd' } }));
  await ok(organization.registerHousehold(context, { ...env(), occurredOn: '2020-01-01', input: { organizationId: 'v', householdId: 'h1', head: '张大山', address: '一组 3 号' } }));
  const admit = (memberId: string, name: string, idNumber: string, more: { phone?: string } = {}) =>
    ok(organization.admitMember(context, { ...env(), input: { organizationId: 'v', memberId, householdId: 'h1', name, joinedOn: '2020-01-01', reason: 'founding', idNumber, ...more } }));
  await admit('m1', '张大山', '140105196501011234', phone === undefined ? {} : { phone });
  await admit('m2', '李秀英', '140105196802021234');
  await ok(organization.forgetMember(context, { ...env(), input: { organizationId: 'v', memberId: 'm2', erasedOn: '2024-05-01', reason: '本人申请' } }));
  let text = '';
  for await (const line of writeLedger(store.readAll())) text += line;
  await writeFile(path, text);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-personal-'));
  ledger = await buildLedger();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('report members with sealed personal fields', () => {
  it('shows the phone column when a member has a phone: opened with the keys, erased with the member', async () => {
    const withPhone = await buildLedger('phone', '13800138000');
    expect(await report('members', withPhone, '--village', 'v', '--as-of', '2024-12-31', '--lang', 'en')).toBe(
      [
        'Member register  张家村  as of 2024-12-31',
        'households 1, members 2',
        '',
        'household  head    member  name    id number           phone        member since  joined by',
        'h1         张大山  m1      张大山  140105196501011234  13800138000  2020-01-01    founding',
        'h1         张大山  m2      李秀英  erased                           2020-01-01    founding',
        '',
      ].join('\n'),
    );
  });

  it('opens them with the key file beside the ledger, and shows an erased member as 已删除', async () => {
    expect(await report('members', ledger, '--village', 'v', '--as-of', '2024-12-31')).toBe(
      [
        '成员名册  张家村  截至 2024-12-31',
        '户数 1，人数 2',
        '',
        '户编号  户主    成员编号  姓名    身份证号            取得资格日期  取得方式',
        'h1      张大山  m1        张大山  140105196501011234  2020-01-01    初始认定',
        'h1      张大山  m2        李秀英  已删除              2020-01-01    初始认定',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(await report('members', ledger, '--village', 'v', '--as-of', '2024-12-31', '--format', 'json')) as {
      households: { address: unknown; members: { idNumber: unknown }[] }[];
    };
    expect(json.households.map((h) => [h.address, h.members.map((m) => m.idNumber)])).toEqual([['一组 3 号', ['140105196501011234', { withheld: 'erased' }]]]);
  });

  it('shows them as sealed without the key file, and as erased after the erasure whatever the key file', async () => {
    const copy = join(dir, 'copy.ndjson');
    await copyFile(ledger, copy);
    const csv = await report('members', copy, '--village', 'v', '--as-of', '2024-12-31', '--format', 'csv', '--lang', 'en');
    expect(csv.split('\n').slice(1)).toEqual(['h1,张大山,m1,张大山,sealed,2020-01-01,founding', 'h1,张大山,m2,李秀英,erased,2020-01-01,founding', '']);
    const opened = await report('members', copy, '--village', 'v', '--as-of', '2024-12-31', '--format', 'csv', '--lang', 'en', '--keys', personalDataKeysPath(ledger));
    expect(opened.split('\n')[1]).toBe('h1,张大山,m1,张大山,140105196501011234,2020-01-01,founding');
  });

  it('keeps the ledger verifiable, and refuses a --keys file that does not exist', async () => {
    expect((await cli('verify', '--store', ledger)).code).toBe(0);
    const missing = join(dir, 'none.keys');
    expect(await cli('report', 'members', '--store', ledger, '--village', 'v', '--as-of', '2024-12-31', '--keys', missing)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: --keys: ${missing} does not exist; give the personal-data key file of this ledger\n`,
    });
  });
});
