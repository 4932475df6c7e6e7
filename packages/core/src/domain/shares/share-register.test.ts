import { factReader } from '../../kernel/fact-reader.js';
import { describe, expect, it } from 'vitest';
import { loadShareRegister } from './load.js';
import { holdingsOn, type Holdings } from './share-register.js';
import { charter, quantification, refused, testShares, type TestShares } from './test-shares.js';

/** Holdings as plain text: member → class → shares, and the collective's. */
const shown = (h: Holdings) => ({
  members: Object.fromEntries([...h.members].sort(([a], [b]) => a.localeCompare(b)).map(([m, c]) => [m, Object.fromEntries([...c].map(([k, v]) => [k, v.toFixed()]))])),
  collective: Object.fromEntries([...h.collective].map(([k, v]) => [k, v.toFixed()])),
});

const registerOn = async (books: TestShares, date: string) => shown(holdingsOn(await loadShareRegister(factReader(books.context), 'v'), date));

describe('the share register', () => {
  it('quantifies operating net assets into shares by class, for members and the collective', async () => {
    const books = await testShares();
    await books.ok('quantify', quantification());
    const register = await loadShareRegister(factReader(books.context), 'v');
    expect(register.quantification?.operatingNetAssets.toString()).toBe('200000.00');
    expect(await registerOn(books, '2021-06-30')).toEqual({
      members: { m1: { member: '1', labour: '2' }, m2: { member: '1', labour: '1' }, m3: { member: '1', labour: '3' }, m4: { member: '1' } },
      collective: { collective: '10' },
    });
    expect(await registerOn(books, '2021-06-29')).toEqual({ members: {}, collective: {} });
  });

  it('moves shares by transfer, inheritance within the household, and withdrawal, each from its date', async () => {
    const books = await testShares();
    await books.ok('quantify', quantification());
    await books.ok('transfer', { fromMemberId: 'm3', toMemberId: 'm4', classId: 'labour', shares: '1.5', transferredOn: '2022-03-01' });
    await books.ok('leave', { memberId: 'm1', leftOn: '2022-05-01', reason: 'death' });
    await books.ok('inherit', { fromMemberId: 'm1', toMemberId: 'm2', inheritedOn: '2022-05-10' });
    await books.ok('leave', { memberId: 'm4', leftOn: '2022-08-01', reason: 'moving-away' });
    await books.ok('withdraw', { memberId: 'm4', withdrawnOn: '2022-08-01' });
    expect(await registerOn(books, '2022-03-01')).toMatchObject({ members: { m3: { labour: '1.5' }, m4: { member: '1', labour: '1.5' } } });
    expect(await registerOn(books, '2022-12-31')).toEqual({
      // m4 moved away and keeps the shares under this charter (onLeaving: keep).
      members: { m2: { member: '2', labour: '3' }, m3: { member: '1', labour: '1.5' }, m4: { member: '1', labour: '1.5' } },
      collective: { collective: '10' },
    });
  });

  it('cancels the shares of a leaving member when the charter buys them back', async () => {
    const books = await testShares();
    await books.ok('charter', charter({ adoptedOn: '2021-02-01', onLeaving: 'buy-back' }));
    await books.ok('quantify', quantification());
    await books.ok('leave', { memberId: 'm3', leftOn: '2022-01-15', reason: 'marriage' });
    await books.ok('withdraw', { memberId: 'm3', withdrawnOn: '2022-01-20' });
    const register = await registerOn(books, '2022-01-20');
    expect(register.members).not.toHaveProperty('m3');
    expect(await registerOn(books, '2022-01-19')).toMatchObject({ members: { m3: { member: '1', labour: '3' } } });
    const events = await books.events('shares-v');
    expect(events.at(-1)?.data).toMatchObject({ memberId: 'm3', disposition: 'buy-back', shares: [{ classId: 'labour', shares: '3' }, { classId: 'member', shares: '1' }] });
  });
});

describe('the share register refuses, with a clear error, and writes nothing', () => {
  it('a second quantification, and allotments that do not fit the charter or the member register', async () => {
    const books = await testShares();
    await refused(books, ['quantify', quantification({ allotments: [{ memberId: 'm1', classId: 'gold', shares: '1' }] })], 'SHARES_ALLOTMENT_INVALID', 'allotments[0].classId: gold is not a class of the charter (member, labour, collective)');
    await refused(books, ['quantify', quantification({ allotments: [{ classId: 'member', shares: '1' }] })], 'SHARES_ALLOTMENT_INVALID', 'allotments[0].memberId: member is held by members; name the member');
    await refused(books, ['quantify', quantification({ allotments: [{ memberId: 'm1', classId: 'collective', shares: '1' }] })], 'SHARES_ALLOTMENT_INVALID', 'allotments[0].memberId: collective is held by the collective; give no memberId');
    await refused(books, ['quantify', quantification({ allotments: [{ memberId: 'm9', classId: 'member', shares: '1' }] })], 'SHARES_MEMBER_INVALID', "allotments[0].memberId: m9 is not on the village's member register");
    await refused(books, ['quantify', quantification({ baseDate: '2020-05-01' })], 'SHARES_DATE_OUT_OF_ORDER', "baseDate: 2020-05-01 is before the register's latest entry on 2021-01-01; the register is kept in date order");
    await refused(books, ['quantify', quantification({ allotments: [{ memberId: 'm1', classId: 'member', shares: '0' }] })], 'INVALID_INPUT', 'allotments[0].shares: expected a quantity greater than 0, got "0"');
    await books.ok('quantify', quantification());
    await refused(books, ['quantify', quantification({ baseDate: '2021-07-01' })], 'SHARES_ALREADY_QUANTIFIED', 'baseDate: the shares were quantified on 2021-06-30; later changes are transfers, inheritances and withdrawals');
  });

  it('transfers the charter forbids, or of more shares than held, or to a non-member', async () => {
    const books = await testShares();
    await books.ok('quantify', quantification());
    const transfer = { fromMemberId: 'm3', toMemberId: 'm4', classId: 'labour', shares: '1', transferredOn: '2022-03-01' };
    await refused(books, ['transfer', { ...transfer, shares: '3.5' }], 'SHARES_INSUFFICIENT', 'shares: m3 holds 3 labour shares, fewer than 3.5');
    await refused(books, ['transfer', { ...transfer, toMemberId: 'm8' }], 'SHARES_MEMBER_INVALID', "toMemberId: m8 is not on the village's member register");
    await refused(books, ['transfer', { ...transfer, classId: 'collective' }], 'SHARES_ALLOTMENT_INVALID', 'classId: collective is not a class held by members (member, labour, collective)');
    await books.ok('charter', charter({ adoptedOn: '2022-01-01', transfersAllowed: false }));
    await refused(books, ['transfer', transfer], 'SHARES_TRANSFER_FORBIDDEN', 'classId: the charter adopted on 2022-01-01 does not allow transfers between members');
  });

  it('inheritance from a living member, from one who did not die, or outside the household; a withdrawal of a member', async () => {
    const books = await testShares();
    await books.ok('quantify', quantification());
    await refused(books, ['inherit', { fromMemberId: 'm1', toMemberId: 'm2', inheritedOn: '2022-01-01' }], 'SHARES_MEMBER_INVALID', 'fromMemberId: m1 (张大) is still a member on 2022-01-01; record the leaving first');
    await refused(books, ['withdraw', { memberId: 'm1', withdrawnOn: '2022-01-01' }], 'SHARES_MEMBER_INVALID', 'memberId: m1 (张大) is still a member on 2022-01-01; record the leaving first');
    await books.ok('leave', { memberId: 'm3', leftOn: '2022-02-01', reason: 'marriage' });
    await refused(books, ['inherit', { fromMemberId: 'm3', toMemberId: 'm4', inheritedOn: '2022-02-02' }], 'SHARES_INHERITANCE_INVALID', 'fromMemberId: m3 left by marriage, not death; shares are inherited only from a member who died');
    await books.ok('leave', { memberId: 'm1', leftOn: '2022-03-01', reason: 'death' });
    await refused(books, ['inherit', { fromMemberId: 'm1', toMemberId: 'm4', inheritedOn: '2022-03-02' }], 'SHARES_INHERITANCE_INVALID', "toMemberId: m4 is not in m1's household h1; shares are inherited within the household");
  });

  it('a charter that drops a class still held, and any register command for a township', async () => {
    const books = await testShares();
    await books.ok('quantify', quantification());
    await refused(books, ['charter', charter({ adoptedOn: '2022-01-01', classes: [{ classId: 'member', nameZh: '成员股', heldBy: 'member' }] })], 'SHARES_CHARTER_INVALID', 'classes: shares of collective, labour are still held; a new charter must keep their classes');
    await refused(books, ['charter', { ...charter(), organizationId: 't' }], 'SHARES_ORGANIZATION_NOT_VILLAGE', "organizationId: t is a township; shares belong to a village's collective");
  });
});


describe('bad input to every share command is refused before anything is read, naming the field', () => {
  it.each([
    ['charter', { ...charter(), reservePercent: '120' }, 'reservePercent: expected a percentage from 0 to 100, got "120"'],
    ['charter', { ...charter(), onLeaving: 'sell' }, 'onLeaving: expected buy-back or keep, got "sell"'],
    ['transfer', { fromMemberId: 'm1', toMemberId: 'm2', classId: 'labour', shares: '-1', transferredOn: '2022-01-01' }, 'shares:'],
    ['inherit', { fromMemberId: 'm1', toMemberId: 'm2', inheritedOn: '2023-02-30' }, 'inheritedOn:'],
    ['withdraw', { withdrawnOn: '2023-01-01' }, 'memberId:'],
    ['pay', { year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1', amount: '0.00' }] }, 'payments[0].amount:'],
  ] as const)('%s', async (service, input, message) => {
    const books = await testShares();
    await refused(books, [service, input], 'INVALID_INPUT', expect.stringContaining(message));
  });
});
