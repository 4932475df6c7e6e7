import { describe, it } from 'vitest';
import { specFor } from '@collective-ledger/testing';
import { decoded } from '../../test-support/decoded.js';
import type { OrganizationCommand } from './commands.js';
import { AdmitMemberInput, MoveMemberInput, RecordMemberLeavingInput, RegisterHouseholdInput } from './inputs.js';
import { organizationDecider } from './decider.js';
import { OrganizationRegisteredData, type OrganizationEvent } from './events.js';
import { HouseholdRegisteredData, MemberJoinedData, MemberLeftData, MemberMovedHouseholdData } from './member-events.js';

const spec = specFor(organizationDecider);
const given = (...history: OrganizationEvent[]) => spec(history);

const registered = (organizationId: string, kind: string): OrganizationEvent => ({
  type: 'OrganizationRegistered',
  data: decoded(OrganizationRegisteredData, { organizationId, kind, code: '1', name: '东村', parentId: 't' }),
});
const village = registered('v', 'village');
const household = (householdId: string, head = '张大山'): OrganizationEvent => ({
  type: 'HouseholdRegistered',
  data: decoded(HouseholdRegisteredData, { organizationId: 'v', householdId, head }),
});
const joinedData = (memberId: string, extra: object = {}) =>
  decoded(MemberJoinedData, { organizationId: 'v', memberId, householdId: 'h1', name: '张大山', joinedOn: '2020-01-01', reason: 'founding', ...extra });
const joined = (memberId: string, extra: object = {}): OrganizationEvent => ({ type: 'MemberJoined', data: joinedData(memberId, extra) });
const left = (memberId: string, leftOn: string): OrganizationEvent => ({
  type: 'MemberLeft',
  data: decoded(MemberLeftData, { organizationId: 'v', memberId, leftOn, reason: 'death' }),
});
const moved = (memberId: string, toHouseholdId: string, movedOn: string): OrganizationEvent => ({
  type: 'MemberMovedHousehold',
  data: decoded(MemberMovedHouseholdData, { organizationId: 'v', memberId, fromHouseholdId: 'h1', toHouseholdId, movedOn }),
});

const registerHousehold = (householdId: string, organizationId = 'v'): OrganizationCommand => ({
  type: 'RegisterHousehold',
  input: decoded(RegisterHouseholdInput, { organizationId, householdId, head: '李桂兰', address: '东村3组12号' }),
});
const admit = (memberId: string, extra: object = {}): OrganizationCommand => ({
  type: 'AdmitMember',
  input: decoded(AdmitMemberInput, { organizationId: 'v', memberId, householdId: 'h1', name: '刘芳', joinedOn: '2022-05-20', reason: 'marriage', ...extra }),
});
const leave = (memberId: string, leftOn: string): OrganizationCommand => ({
  type: 'RecordMemberLeaving',
  input: decoded(RecordMemberLeavingInput, { organizationId: 'v', memberId, leftOn, reason: 'moving-away', note: '迁往太原' }),
});
const move = (memberId: string, toHouseholdId: string, movedOn: string): OrganizationCommand => ({
  type: 'MoveMember',
  input: decoded(MoveMemberInput, { organizationId: 'v', memberId, toHouseholdId, movedOn }),
});

describe('households and members of a village', () => {
  it('registers a household in a registered village', () => {
    given(village).when(registerHousehold('h2')).then([
      { type: 'HouseholdRegistered', data: decoded(HouseholdRegisteredData, { organizationId: 'v', householdId: 'h2', head: '李桂兰', address: '东村3组12号' }) },
    ]);
  });

  it('admits a member into a registered household', () => {
    given(village, household('h1')).when(admit('m6', { idNumber: '140105199001011234' })).then([
      { type: 'MemberJoined', data: decoded(MemberJoinedData, { organizationId: 'v', memberId: 'm6', householdId: 'h1', name: '刘芳', joinedOn: '2022-05-20', reason: 'marriage', idNumber: '140105199001011234' }) },
    ]);
  });

  it('records a member leaving', () => {
    given(village, household('h1'), joined('m1')).when(leave('m1', '2021-09-01')).then([
      { type: 'MemberLeft', data: decoded(MemberLeftData, { organizationId: 'v', memberId: 'm1', leftOn: '2021-09-01', reason: 'moving-away', note: '迁往太原' }) },
    ]);
  });

  it('moves a member to another household (分户), recording the household left from the state', () => {
    given(village, household('h1'), household('h2'), household('h3'), joined('m1'), moved('m1', 'h2', '2021-01-01'))
      .when(move('m1', 'h3', '2023-06-01'))
      .then([
        { type: 'MemberMovedHousehold', data: decoded(MemberMovedHouseholdData, { organizationId: 'v', memberId: 'm1', fromHouseholdId: 'h2', toHouseholdId: 'h3', movedOn: '2023-06-01' }) },
      ]);
  });

  it('accepts an id number again once the member holding it has left', () => {
    const history = [village, household('h1'), joined('m1', { idNumber: '140105199001011234' }), left('m1', '2021-01-01')];
    given(...history).when(admit('m9', { idNumber: '140105199001011234', joinedOn: '2022-01-01' })).then([
      { type: 'MemberJoined', data: decoded(MemberJoinedData, { organizationId: 'v', memberId: 'm9', householdId: 'h1', name: '刘芳', joinedOn: '2022-01-01', reason: 'marriage', idNumber: '140105199001011234' }) },
    ]);
  });

  it('accepts a leaving dated on the day of the last move', () => {
    given(village, household('h1'), household('h2'), joined('m1'), moved('m1', 'h2', '2023-06-01'))
      .when(leave('m1', '2023-06-01'))
      .then([{ type: 'MemberLeft', data: decoded(MemberLeftData, { organizationId: 'v', memberId: 'm1', leftOn: '2023-06-01', reason: 'moving-away', note: '迁往太原' }) }]);
  });

  const base = [village, household('h1'), household('h2'), joined('m1', { idNumber: '140105199001011234' })];
  const gone = [...base, left('m1', '2021-09-01')];
  const movedAway = [...base, moved('m1', 'h2', '2022-01-01')];

  // Each row: the history, the command, and the refusal as `CODE: message` (the message need only contain it).
  it.each([
    ['a household in an unregistered organization', [], registerHousehold('h1'), 'NOT_A_VILLAGE: organizationId: v is not registered; households and members belong to a village'],
    ['a household in a township', [registered('t', 'township')], registerHousehold('h1', 't'), 'NOT_A_VILLAGE: organizationId: t is a township'],
    ['a member in a township', [registered('v', 'township')], admit('m1'), 'NOT_A_VILLAGE: organizationId: v is a township'],
    ['a household registered twice', base, registerHousehold('h1'), 'HOUSEHOLD_ALREADY_REGISTERED: householdId: h1 is already registered in v (户主 张大山)'],
    ['a member in an unknown household', base, admit('m2', { householdId: 'h9' }), 'HOUSEHOLD_UNKNOWN: householdId: household h9 is not registered in v'],
    ['a member admitted twice', base, admit('m1'), 'MEMBER_ALREADY_JOINED: memberId: m1 (张大山) joined v on 2020-01-01'],
    ['a member id reused after leaving', gone, admit('m1'), 'MEMBER_ALREADY_JOINED: and left on 2021-09-01; a returning member needs a new memberId'],
    ['an id number held by a current member', base, admit('m2', { idNumber: '140105199001011234' }), 'MEMBER_ID_NUMBER_TAKEN: idNumber: 140105199001011234 is already member m1 of v'],
    ['the leaving of an unknown member', base, leave('m9', '2021-09-01'), 'MEMBER_UNKNOWN: memberId: m9 is not a member of v'],
    ['a member leaving twice', gone, leave('m1', '2022-01-01'), 'MEMBER_ALREADY_LEFT: memberId: m1 (张大山) left v on 2021-09-01'],
    ['a leaving before joining', base, leave('m1', '2019-12-31'), 'MEMBER_LEFT_BEFORE_JOINING: leftOn: 2019-12-31 is not after joinedOn 2020-01-01 of m1'],
    ['a leaving on the day of joining', base, leave('m1', '2020-01-01'), 'MEMBER_LEFT_BEFORE_JOINING: leftOn: 2020-01-01 is not after joinedOn 2020-01-01'],
    ['a leaving dated before the last move', movedAway, leave('m1', '2021-12-31'), 'MEMBER_CHANGE_BEFORE_LAST_MOVE: leftOn: 2021-12-31 is before m1 moved household on 2022-01-01'],
    ['a move of an unknown member', base, move('m9', 'h2', '2022-01-01'), 'MEMBER_UNKNOWN: memberId: m9 is not a member of v'],
    ['a move of a member who left', gone, move('m1', 'h2', '2022-01-01'), 'MEMBER_ALREADY_LEFT: memberId: m1 (张大山) left v on 2021-09-01'],
    ['a move to an unknown household', base, move('m1', 'h9', '2022-01-01'), 'HOUSEHOLD_UNKNOWN: toHouseholdId: household h9 is not registered in v'],
    ['a move to the same household', base, move('m1', 'h1', '2022-01-01'), 'MEMBER_ALREADY_IN_HOUSEHOLD: toHouseholdId: m1 already belongs to household h1'],
    ['a move before joining', base, move('m1', 'h2', '2019-12-31'), 'MEMBER_MOVED_BEFORE_JOINING: movedOn: 2019-12-31 is before joinedOn 2020-01-01 of m1'],
    ['a move dated before the last move', [...movedAway, household('h3')], move('m1', 'h3', '2021-06-01'), 'MEMBER_CHANGE_BEFORE_LAST_MOVE: movedOn: 2021-06-01 is before m1 moved household on 2022-01-01'],
  ] as const)('refuses %s', (_label, history, command, refusal) => {
    const [code = '', message = ''] = refusal.split(/: (.*)/s);
    given(...history).when(command).thenFails(code, message);
  });

  it('still refuses a second registration of a village with members', () => {
    const again = { type: 'RegisterOrganization', input: village.data, parentKind: 'township' } as OrganizationCommand;
    given(...base).when(again).thenFails('ORGANIZATION_ALREADY_REGISTERED', 'organizationId: v is already registered as 东村');
  });

  // Copying the member map per event would fold 20,000 members in ~2·10⁸ steps and time out.
  // A quadratic fold would take minutes; a linear one a second or two, or a few on a loaded machine.
  it('folds a village of 20,000 members in linear time and decides the next admission', { timeout: 30_000 }, () => {
    const history: OrganizationEvent[] = [village, household('h1')];
    for (let i = 0; i < 20_000; i += 1) history.push(joined(`m${i}`, { idNumber: `id-${i}` }));
    given(...history).when(admit('m19999')).thenFails('MEMBER_ALREADY_JOINED', 'memberId: m19999');
    given(...history).when(admit('m20000', { idNumber: 'id-42' })).thenFails('MEMBER_ID_NUMBER_TAKEN', 'already member m42');
  });
});
