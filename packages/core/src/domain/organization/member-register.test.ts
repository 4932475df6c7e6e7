import { beforeAll, describe, expect, it } from 'vitest';
import { InMemoryEventStore } from '../../kernel/memory-store.js';
import { runProjection } from '../../kernel/projection.js';
import { coreCatalog } from '../../catalog.js';
import { admitMember, moveMember, recordMemberLeaving, registerHousehold } from './member-service.js';
import { countsOn, householdsOf, isMemberOn, membersOn, memberRegister, type MemberRegister } from './member-register.js';
import { registerOrganization } from './service.js';

/**
 * 张家村 (v): two households at the founding register on 2020-01-01; 李明
 * moves away, 李桂兰 dies, 刘芳 marries in, 张宝宝 is born, then 张小山's
 * family splits off into a household of its own (分户). 李家村 (w) has one
 * member, to show that villages do not mix.
 */
const history = async (store: InMemoryEventStore): Promise<void> => {
  const context = { store, catalog: coreCatalog };
  let n = 0;
  const ok = (result: { _tag: string }) => {
    expect(result._tag).toBe('Right');
  };
  const request = (input: object, occurredOn = '2020-01-01') => ({ input: input as never, commandId: `c${(n += 1)}`, occurredOn, actor: 'clerk' });
  const organization = (input: object) => registerOrganization(context, request(input)).then(ok);
  await organization({ organizationId: 'd', kind: 'district', code: '1', name: '小店区' });
  await organization({ organizationId: 't', kind: 'township', code: '2', name: '北格镇', parentId: 'd' });
  await organization({ organizationId: 'v', kind: 'village', code: '3', name: '张家村', parentId: 't' });
  await organization({ organizationId: 'w', kind: 'village', code: '4', name: '李家村', parentId: 't' });
  const household = (organizationId: string, householdId: string, head: string, on = '2020-01-01') =>
    registerHousehold(context, request({ organizationId, householdId, head }, on)).then(ok);
  const join = (memberId: string, householdId: string, name: string, since: object = {}) =>
    admitMember(context, request({ organizationId: 'v', memberId, householdId, name, joinedOn: '2020-01-01', reason: 'founding', ...since })).then(ok);
  const leave = (memberId: string, leftOn: string, reason: string) =>
    recordMemberLeaving(context, request({ organizationId: 'v', memberId, leftOn, reason })).then(ok);
  const move = (memberId: string, toHouseholdId: string, movedOn: string) =>
    moveMember(context, request({ organizationId: 'v', memberId, toHouseholdId, movedOn })).then(ok);

  await household('v', 'h1', '张大山');
  await household('v', 'h2', '李桂兰');
  await household('w', 'w1', '李四');
  await join('m1', 'h1', '张大山');
  await join('m2', 'h1', '王秀英');
  await join('m3', 'h1', '张小山');
  await join('m4', 'h2', '李桂兰');
  await join('m5', 'h2', '李明');
  await join('x1', 'w1', '李四', { organizationId: 'w' });
  await leave('m5', '2021-09-01', 'moving-away');
  await leave('m4', '2022-03-10', 'death');
  await join('m6', 'h1', '刘芳', { joinedOn: '2022-05-20', reason: 'marriage' });
  await join('m7', 'h1', '张宝宝', { joinedOn: '2023-02-14', reason: 'birth' });
  await household('v', 'h3', '张小山', '2023-06-01');
  for (const id of ['m3', 'm6', 'm7']) await move(id, 'h3', '2023-06-01');
};

const idsOn = (register: MemberRegister, date: string) => membersOn(register, 'v', date).map((m) => m.memberId);
const householdsOn = (register: MemberRegister, date: string) =>
  householdsOf(register, 'v', date).map((h) => [h.householdId, h.members.map((m) => m.memberId)]);

describe('member register (成员名册) as of a date', () => {
  const store = new InMemoryEventStore();
  let register: MemberRegister;

  beforeAll(async () => {
    await history(store);
    register = (await runProjection(store, coreCatalog, memberRegister)).state;
  });

  it.each([
    ['the day before the founding register', '2019-12-31', []],
    ['the founding date', '2020-01-01', ['m1', 'm2', 'm3', 'm4', 'm5']],
    ['the day before 李明 moves away', '2021-08-31', ['m1', 'm2', 'm3', 'm4', 'm5']],
    ['the day 李明 moves away (leftOn)', '2021-09-01', ['m1', 'm2', 'm3', 'm4']],
    ['the day before 李桂兰 dies', '2022-03-09', ['m1', 'm2', 'm3', 'm4']],
    ['the day 李桂兰 dies (leftOn)', '2022-03-10', ['m1', 'm2', 'm3']],
    ['the day before 刘芳 marries in', '2022-05-19', ['m1', 'm2', 'm3']],
    ['the day 刘芳 marries in (joinedOn)', '2022-05-20', ['m1', 'm2', 'm3', 'm6']],
    ['the day 张宝宝 is born (joinedOn)', '2023-02-14', ['m1', 'm2', 'm3', 'm6', 'm7']],
    ['long after', '2030-01-01', ['m1', 'm2', 'm3', 'm6', 'm7']],
  ])('lists the members on %s', (_label, date, expected) => {
    expect(idsOn(register, date)).toEqual(expected);
  });

  it('groups members by the household they belong to on the date, before and after the split (分户)', () => {
    expect(householdsOn(register, '2019-12-31')).toEqual([]);
    expect(householdsOn(register, '2020-01-01')).toEqual([
      ['h1', ['m1', 'm2', 'm3']],
      ['h2', ['m4', 'm5']],
    ]);
    expect(householdsOn(register, '2023-05-31')).toEqual([
      ['h1', ['m1', 'm2', 'm3', 'm6', 'm7']],
      ['h2', []],
    ]);
    expect(householdsOn(register, '2023-06-01')).toEqual([
      ['h1', ['m1', 'm2']],
      ['h2', []],
      ['h3', ['m3', 'm6', 'm7']],
    ]);
    expect(householdsOf(register, 'v', '2023-06-01')[2]).toMatchObject({ head: '张小山', registeredOn: '2023-06-01' });
  });

  it('counts households with members (户数) and members (人数)', () => {
    expect(countsOn(register, 'v', '2020-01-01')).toEqual({ households: 2, members: 5 });
    expect(countsOn(register, 'v', '2022-03-10')).toEqual({ households: 1, members: 3 });
    expect(countsOn(register, 'v', '2023-06-01')).toEqual({ households: 2, members: 5 });
    expect(countsOn(register, 'w', '2023-06-01')).toEqual({ households: 1, members: 1 });
    expect(countsOn(register, 'nowhere', '2023-06-01')).toEqual({ households: 0, members: 0 });
  });

  it('shows each member as recorded on the date, with the reason they joined', () => {
    expect(membersOn(register, 'v', '2023-02-14').find((m) => m.memberId === 'm7')).toEqual({
      memberId: 'm7',
      name: '张宝宝',
      idNumber: undefined,
      householdId: 'h1',
      joinedOn: '2023-02-14',
      joinReason: 'birth',
    });
  });

  it('keeps the whole history of a member who left', () => {
    const record = register.get('v')?.members.get('m4');
    expect(record).toMatchObject({ joinedOn: '2020-01-01', leftOn: '2022-03-10', leaveReason: 'death' });
    expect(record && [isMemberOn(record, '2022-03-09'), isMemberOn(record, '2022-03-10')]).toEqual([true, false]);
  });

  it('answers the same from a replay stopped at the date (asOf)', async () => {
    for (const date of ['2021-09-01', '2022-05-19', '2023-06-01']) {
      const replay = await runProjection(store, coreCatalog, memberRegister, { asOf: date });
      expect(householdsOf(replay.state, 'v', date)).toEqual(householdsOf(register, 'v', date));
    }
  });

  it('reads only register events', async () => {
    const run = await runProjection(store, coreCatalog, memberRegister);
    expect(run.applied).toBe(run.read - 4n); // the four organization registrations are skipped
  });
});
