import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { InMemoryEventStore } from '../../kernel/memory-store.js';
import { coreCatalog } from '../../catalog.js';
import { InMemoryPersonalDataKeys } from '../../personal-data/memory-keys.js';
import { admitMember, moveMember, recordMemberLeaving, registerHousehold } from './member-service.js';
import { registerOrganization } from './service.js';

const setUp = async () => {
  const store = new InMemoryEventStore();
  const context = { store, catalog: coreCatalog, personalData: new InMemoryPersonalDataKeys() };
  const register = (input: object, commandId: string) =>
    registerOrganization(context, { input: input as never, commandId, occurredOn: '2020-01-01', actor: 'registrar' });
  await register({ organizationId: 'd', kind: 'district', code: '1', name: '小店区' }, 'r1');
  await register({ organizationId: 't', kind: 'township', code: '2', name: '北格镇', parentId: 'd' }, 'r2');
  await register({ organizationId: 'v', kind: 'village', code: '3', name: '张家村', parentId: 't' }, 'r3');
  return { store, context };
};

type Context = Awaited<ReturnType<typeof setUp>>['context'];

const household = (householdId: string, extra: object = {}) => ({ organizationId: 'v', householdId, head: '张大山', ...extra }) as never;
const member = (memberId: string, extra: object = {}) => ({
  organizationId: 'v',
  memberId,
  householdId: 'h1',
  name: '张大山',
  joinedOn: '2020-01-01',
  reason: 'founding',
  idNumber: '140105196501011234',
  ...extra,
}) as never;
const leaving = (memberId: string, extra: object = {}) => ({ organizationId: 'v', memberId, leftOn: '2022-03-10', reason: 'death', ...extra }) as never;
const moving = (memberId: string, extra: object = {}) => ({ organizationId: 'v', memberId, toHouseholdId: 'h2', movedOn: '2023-06-01', ...extra }) as never;

/** Two households, 张大山 (m1) a founding member of h1. */
const withHouseholds = async () => {
  const { store, context } = await setUp();
  await registerHousehold(context, { input: household('h1'), commandId: 'h1', occurredOn: '2020-01-01', actor: 'clerk' });
  await registerHousehold(context, { input: household('h2', { head: '张小山' }), commandId: 'h2', occurredOn: '2023-06-01', actor: 'clerk' });
  await admitMember(context, { input: member('m1'), commandId: 'm1', actor: 'clerk' });
  return { store, context };
};

const streamOf = async (store: InMemoryEventStore) => {
  const events = [];
  for await (const e of store.readStream('organization-v')) events.push([e.type, e.metadata.occurredOn]);
  return events;
};

describe('household and member services', () => {
  it('writes to the village stream, dated by the request for households and by the input for members', async () => {
    const { store, context } = await withHouseholds();
    await admitMember(context, { input: member('m2', { name: '刘芳', reason: 'marriage', joinedOn: '2022-05-20', idNumber: '140105199505051234' }), commandId: 'm2', actor: 'clerk' });
    await moveMember(context, { input: moving('m2'), commandId: 'mv', actor: 'clerk' });
    const result = await recordMemberLeaving(context, { input: leaving('m1'), commandId: 'l1', actor: 'clerk' });
    expect(isRight(result) && result.right.events[0]?.type).toBe('MemberLeft');
    expect(await streamOf(store)).toEqual([
      ['OrganizationRegistered', '2020-01-01'],
      ['HouseholdRegistered', '2020-01-01'],
      ['HouseholdRegistered', '2023-06-01'],
      ['MemberJoined', '2020-01-01'],
      ['MemberJoined', '2022-05-20'],
      ['MemberMovedHousehold', '2023-06-01'],
      ['MemberLeft', '2022-03-10'],
    ]);
  });

  it('appends once when the same command id is sent twice', async () => {
    const { store, context } = await withHouseholds();
    const before = store.size;
    const first = await admitMember(context, { input: member('m2', { idNumber: '2' }), commandId: 'same', actor: 'clerk' });
    const again = await admitMember(context, { input: member('m2', { idNumber: '2' }), commandId: 'same', actor: 'clerk' });
    expect(isRight(first) && first.right.alreadyHandled).toBe(false);
    expect(isRight(again) && again.right.alreadyHandled).toBe(true);
    expect(store.size).toBe(before + 1);
  });

  it.each([
    ['a household with an empty head', (c: Context) => registerHousehold(c, { input: household('h3', { head: ' ' }), commandId: 'x', occurredOn: '2024-01-01', actor: 'a' }), 'head: expected a non-empty string, got " "'],
    ['a member with an unknown reason', (c: Context) => admitMember(c, { input: member('m2', { reason: 'adoption' }), commandId: 'x', actor: 'a' }), 'reason: expected founding, birth, marriage, moving-in or other, got "adoption"'],
    ['a member with an impossible date', (c: Context) => admitMember(c, { input: member('m2', { joinedOn: '2023-02-30' }), commandId: 'x', actor: 'a' }), 'joinedOn: expected a date YYYY-MM-DD, got "2023-02-30"'],
    ['a leaving with an unknown reason', (c: Context) => recordMemberLeaving(c, { input: leaving('m1', { reason: 'divorce' }), commandId: 'x', actor: 'a' }), 'reason: expected death, marriage, moving-away or other, got "divorce"'],
    ['a move with no household', (c: Context) => moveMember(c, { input: moving('m1', { toHouseholdId: undefined }), commandId: 'x', actor: 'a' }), 'toHouseholdId: expected an id (letters, digits, . _ : -, at most 128 characters), got nothing'],
  ])('refuses %s naming the field, and writes nothing', async (_label, run, message) => {
    const { store, context } = await withHouseholds();
    const before = store.size;
    const result = await run(context);
    expect(isLeft(result) && result.left.code).toBe('INVALID_INPUT');
    expect(isLeft(result) && result.left.message).toContain(message);
    expect(store.size).toBe(before);
  });

  it.each([
    ['a household in a township', (c: Context) => registerHousehold(c, { input: household('h1', { organizationId: 't' }), commandId: 'x', occurredOn: '2024-01-01', actor: 'a' }), 'NOT_A_VILLAGE'],
    ['a member of an unregistered village', (c: Context) => admitMember(c, { input: member('m2', { organizationId: 'nowhere' }), commandId: 'x', actor: 'a' }), 'NOT_A_VILLAGE'],
    ['a household registered twice', (c: Context) => registerHousehold(c, { input: household('h1'), commandId: 'x', occurredOn: '2024-01-01', actor: 'a' }), 'HOUSEHOLD_ALREADY_REGISTERED'],
    ['a member of an unknown household', (c: Context) => admitMember(c, { input: member('m2', { householdId: 'h9', idNumber: '2' }), commandId: 'x', actor: 'a' }), 'HOUSEHOLD_UNKNOWN'],
    ['a member admitted twice', (c: Context) => admitMember(c, { input: member('m1'), commandId: 'x', actor: 'a' }), 'MEMBER_ALREADY_JOINED'],
    ['an id number already held', (c: Context) => admitMember(c, { input: member('m2'), commandId: 'x', actor: 'a' }), 'MEMBER_ID_NUMBER_TAKEN'],
    ['the leaving of an unknown member', (c: Context) => recordMemberLeaving(c, { input: leaving('m9'), commandId: 'x', actor: 'a' }), 'MEMBER_UNKNOWN'],
    ['a leaving before joining', (c: Context) => recordMemberLeaving(c, { input: leaving('m1', { leftOn: '2019-05-01' }), commandId: 'x', actor: 'a' }), 'MEMBER_LEFT_BEFORE_JOINING'],
    ['a move to an unknown household', (c: Context) => moveMember(c, { input: moving('m1', { toHouseholdId: 'h9' }), commandId: 'x', actor: 'a' }), 'HOUSEHOLD_UNKNOWN'],
    ['a move to the same household', (c: Context) => moveMember(c, { input: moving('m1', { toHouseholdId: 'h1' }), commandId: 'x', actor: 'a' }), 'MEMBER_ALREADY_IN_HOUSEHOLD'],
    ['a move before joining', (c: Context) => moveMember(c, { input: moving('m1', { movedOn: '2019-05-01' }), commandId: 'x', actor: 'a' }), 'MEMBER_MOVED_BEFORE_JOINING'],
  ])('refuses %s, and writes nothing', async (_label, run, code) => {
    const { store, context } = await withHouseholds();
    const before = store.size;
    const result = await run(context);
    expect(isLeft(result) && result.left.code).toBe(code);
    expect(store.size).toBe(before);
  });

  it('refuses changes to a member who left, or dated before their last move, and writes nothing', async () => {
    const { store, context } = await withHouseholds();
    await registerHousehold(context, { input: household('h3'), commandId: 'h3', occurredOn: '2023-07-01', actor: 'clerk' });
    await moveMember(context, { input: moving('m1'), commandId: 'mv', actor: 'clerk' });
    const before = store.size;
    const early = await moveMember(context, { input: moving('m1', { toHouseholdId: 'h3', movedOn: '2023-05-31' }), commandId: 'x1', actor: 'a' });
    const earlyLeave = await recordMemberLeaving(context, { input: leaving('m1', { leftOn: '2023-05-31' }), commandId: 'x2', actor: 'a' });
    await recordMemberLeaving(context, { input: leaving('m1', { leftOn: '2024-01-10' }), commandId: 'l1', actor: 'clerk' });
    const twice = await recordMemberLeaving(context, { input: leaving('m1', { leftOn: '2024-02-01' }), commandId: 'x3', actor: 'a' });
    const afterLeaving = await moveMember(context, { input: moving('m1', { toHouseholdId: 'h3', movedOn: '2024-02-01' }), commandId: 'x4', actor: 'a' });
    expect([early, earlyLeave, twice, afterLeaving].map((r) => isLeft(r) && r.left.code)).toEqual([
      'MEMBER_CHANGE_BEFORE_LAST_MOVE',
      'MEMBER_CHANGE_BEFORE_LAST_MOVE',
      'MEMBER_ALREADY_LEFT',
      'MEMBER_ALREADY_LEFT',
    ]);
    expect(store.size).toBe(before + 1); // only the leaving on 2024-01-10
  });
});
