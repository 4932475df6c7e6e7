import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreCatalog, InMemoryEventStore, organization, writeLedger } from '@collective-ledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, report } from './test-ledgers.js';

let dir: string;
let ledger: string;

/** 张家村: two households; 张大山 founds h1, 张小明 is born into it and moves to h2, 李秀英 marries into h2, 张大山 dies. */
const buildLedger = async (): Promise<string> => {
  const store = new InMemoryEventStore();
  const context = { store, catalog: coreCatalog };
  let n = 0;
  const ok = async (result: Promise<{ _tag: string; left?: { message: string } }>): Promise<void> => {
    const r = await result;
    if (r._tag === 'Left') throw new Error(r.left?.message);
  };
  const env = () => ({ commandId: `c-${(n += 1)}`, actor: '登记员' });
  const register = (input: organization.RegisterOrganizationInput) => ok(organization.registerOrganization(context, { ...env(), input, occurredOn: '2020-01-01' }));
  await register({ organizationId: 'd', kind: 'district', code: '1', name: '示范区' });
  await register({ organizationId: 't', kind: 'township', code: '2', name: '北格镇', parentId: 'd' });
  await register({ organizationId: 'v', kind: 'village', code: '3', name: '张家村', parentId: 't' });
  const household = (householdId: string, head: string, occurredOn: string) =>
    ok(organization.registerHousehold(context, { ...env(), occurredOn, input: { organizationId: 'v', householdId, head } }));
  const admit = (memberId: string, householdId: string, name: string, [joinedOn, reason]: readonly [string, organization.AdmitMemberInput['reason']]) =>
    ok(organization.admitMember(context, { ...env(), input: { organizationId: 'v', memberId, householdId, name, joinedOn, reason } }));
  await household('h1', '张大山', '2020-01-01');
  await admit('m1', 'h1', '张大山', ['2020-01-01', 'founding']);
  await admit('m2', 'h1', '张小明', ['2021-05-01', 'birth']);
  await household('h2', '张小明', '2022-03-01');
  await admit('m3', 'h2', '李秀英', ['2022-03-01', 'marriage']);
  await ok(organization.moveMember(context, { ...env(), input: { organizationId: 'v', memberId: 'm2', toHouseholdId: 'h2', movedOn: '2022-03-01' } }));
  await ok(organization.recordMemberLeaving(context, { ...env(), input: { organizationId: 'v', memberId: 'm1', leftOn: '2023-06-01', reason: 'death' } }));
  let text = '';
  for await (const line of writeLedger(store.readAll())) text += line;
  const path = join(dir, 'members.ndjson');
  await writeFile(path, text);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-members-'));
  ledger = await buildLedger();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('report members (成员名册)', () => {
  it('lists the households and who is a member on the date, in Chinese', async () => {
    expect(await report('members', ledger, '--village', 'v', '--as-of', '2022-12-31')).toBe(
      [
        '成员名册  张家村  截至 2022-12-31',
        '户数 2，人数 3',
        '',
        '户编号  户主    成员编号  姓名    身份证号  取得资格日期  取得方式',
        'h1      张大山  m1        张大山            2020-01-01    初始认定',
        'h2      张小明  m2        张小明            2021-05-01    出生',
        'h2      张小明  m3        李秀英            2022-03-01    婚入',
        '',
      ].join('\n'),
    );
  });

  it('follows the register through time: before a household existed, and after a member died', async () => {
    const early = JSON.parse(await report('members', ledger, '--village', 'v', '--as-of', '2021-12-31', '--format', 'json')) as {
      counts: unknown;
      households: { householdId: string; members: { memberId: string }[] }[];
    };
    expect(early.counts).toEqual({ households: 1, members: 2 });
    expect(early.households.map((h) => [h.householdId, h.members.map((m) => m.memberId)])).toEqual([['h1', ['m1', 'm2']]]);
    const late = JSON.parse(await report('members', ledger, '--village', 'v', '--year', '2023', '--format', 'json', '--lang', 'en')) as Record<string, unknown> & {
      households: { householdId: string; members: { memberId: string }[] }[];
    };
    expect(Object.keys(late)).toEqual(['report', 'lang', 'village', 'asOf', 'counts', 'households']);
    expect(late).toMatchObject({ report: 'members', lang: 'en', village: 'v', asOf: '2023-12-31', counts: { households: 1, members: 2 } });
    // h1 stays on the register, empty, since no event removes a household.
    expect(late.households.map((h) => [h.householdId, h.members.map((m) => m.memberId)])).toEqual([['h1', []], ['h2', ['m2', 'm3']]]);
  });

  it('writes CSV with English headers', async () => {
    expect(await report('members', ledger, '--village', 'v', '--as-of', '2023-12-31', '--format', 'csv', '--lang', 'en')).toBe(
      ['household,head,member,name,id number,member since,joined by', 'h2,张小明,m2,张小明,,2021-05-01,birth', 'h2,张小明,m3,李秀英,,2022-03-01,marriage', ''].join('\n'),
    );
  });

  it.each([
    [['--as-of', '2023-12-31'], 'error: members needs --village: a member register belongs to one village\n'],
    [['--village', 'v'], 'error: members needs --as-of or --year: the register as of a date, e.g. --as-of 2023-12-31\n'],
    [['--village', 'x', '--as-of', '2023-12-31'], 'error: --village: no village x is registered\n'],
    [['--township', 't', '--as-of', '2023-12-31'], 'error: --township is not an option of members: a member register belongs to one village; use --village\n'],
    [['--village', 'v', '--year', '2023', '--as-of', '2022-01-01'], 'error: --as-of 2022-01-01 is not in --year 2023: give a date of 2023, or leave one out\n'],
  ])('refuses %j with one line naming the option', async (options, stderr) => {
    expect(await cli('report', 'members', '--store', ledger, ...options)).toEqual({ code: 2, stdout: '', stderr });
  });
});
