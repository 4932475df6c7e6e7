import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { verifyStore } from '../../audit/verify.js';
import { runReport } from '../../reports/definitions/run-report.js';
import { reports } from '../../reports/definitions/registry.js';
import { householdKeyId, memberKeyId } from '../../personal-data/keys.js';
import { isSealed } from '../../personal-data/sealed-field.js';
import { booksOf2023, type TestShares } from '../shares/test-shares.js';
import { forgetHousehold, forgetMember } from './forget-member.js';
import { admitMember } from './member-service.js';

const PHONE = '13800138000';

const forgetH1 = (books: TestShares, commandId = 'forget-h1', householdId = 'h1') =>
  forgetHousehold(books.context, { commandId, actor: '会计', input: { organizationId: 'v', householdId, erasedOn: '2024-05-01', reason: '户主申请删除个人信息' } });

const roll = (books: TestShares, withKeys = true) =>
  runReport(books.store, books.context.catalog, reports.members, { village: 'v', asOf: '2024-12-31', ...(withKeys ? { personalData: books.context.personalData } : {}) });

const addresses = async (books: TestShares, withKeys = true) => Object.fromEntries((await roll(books, withKeys)).households.map((h) => [h.householdId, h.address]));

const admitWithPhone = (books: TestShares) =>
  admitMember(books.context, {
    commandId: 'm9',
    actor: '会计',
    input: { organizationId: 'v', memberId: 'm9', householdId: 'h2', name: '李又', joinedOn: '2024-06-01', reason: 'birth', phone: PHONE },
  });

describe("a member's phone", () => {
  it('is sealed with the member\'s key, shown with the keys, and erased with the member', async () => {
    const books = await booksOf2023();
    const admitted = await admitWithPhone(books);
    const event = isRight(admitted) ? admitted.right.events[0] : undefined;
    const phone = event?.type === 'MemberJoined' ? event.data.phone : undefined;
    expect(isSealed(phone) && phone.key).toBe(memberKeyId('v', 'm9'));
    expect(JSON.stringify(event)).not.toContain(PHONE);
    const m9 = async (withKeys = true) => (await roll(books, withKeys)).households.flatMap((h) => h.members).find((m) => m.memberId === 'm9');
    expect((await m9())?.phone).toBe(PHONE);
    expect((await m9(false))?.phone).toEqual({ withheld: 'sealed' });
    const forgotten = await forgetMember(books.context, { commandId: 'f9', actor: '会计', input: { organizationId: 'v', memberId: 'm9', erasedOn: '2024-07-01', reason: '申请' } });
    expect(isRight(forgotten)).toBe(true);
    expect((await m9())?.phone).toEqual({ withheld: 'erased' });
  });

  it('without a key store, is refused and nothing is written', async () => {
    const books = await booksOf2023();
    const size = books.store.size;
    const refused = await admitMember(
      { store: books.store, catalog: books.context.catalog },
      { commandId: 'm9', actor: '会计', input: { organizationId: 'v', memberId: 'm9', householdId: 'h2', name: '李又', joinedOn: '2024-06-01', reason: 'birth', phone: PHONE } },
    );
    expect(isLeft(refused) && refused.left.code).toBe('PERSONAL_DATA_NO_KEY_STORE');
    expect(books.store.size).toBe(size);
  });
});

describe('an admission with an ID number', () => {
  it('folds the village stream once, comparing the number with the sealed ones of the state it decides on', async () => {
    const books = await booksOf2023();
    let streamEvents = 0;
    for await (const _event of books.store.readStream('organization-v')) streamEvents += 1;
    const admitted = await admitMember(books.context, {
      commandId: 'm9-id',
      actor: '会计',
      input: { organizationId: 'v', memberId: 'm9', householdId: 'h2', name: '李又', joinedOn: '2024-06-01', reason: 'birth', idNumber: '140105202406010019' },
    });
    expect(isRight(admitted) && admitted.right.eventsRead).toBe(streamEvents);
  });
});

describe("a household's address", () => {
  it('forgetHousehold erases it everywhere and keeps the household, its members and every figure; the books still verify', async () => {
    const books = await booksOf2023();
    const before = await roll(books);
    const balances = await runReport(books.store, books.context.catalog, reports['trial-balance'], { village: 'v', year: 2023 });
    expect(await addresses(books)).toEqual({ h1: '张家村一组 3 号', h2: '张家村二组 8 号' });
    const size = books.store.size;
    const erased = await forgetH1(books);
    expect(isRight(erased) && erased.right.events.map((e) => e.type)).toEqual(['HouseholdPersonalDataErased']);
    expect(books.store.size).toBe(size + 1);
    expect(await books.context.personalData.read(householdKeyId('v', 'h1'))).toBeUndefined();
    expect(await addresses(books)).toEqual({ h1: { withheld: 'erased' }, h2: '张家村二组 8 号' });
    expect((await addresses(books, false)).h1).toEqual({ withheld: 'erased' });
    const after = await roll(books);
    expect(after.counts).toEqual(before.counts);
    expect(after.households.map((h) => [h.head, h.members.map((m) => m.memberId)])).toEqual(before.households.map((h) => [h.head, h.members.map((m) => m.memberId)]));
    expect(await runReport(books.store, books.context.catalog, reports['trial-balance'], { village: 'v', year: 2023 })).toEqual(balances);
    expect((await verifyStore(books.store)).findings).toEqual([]);
  });

  it('refuses to erase twice, an unknown household, or without a key store, writing nothing; a retry destroys the key again', async () => {
    const books = await booksOf2023();
    expect(isRight(await forgetH1(books))).toBe(true);
    const size = books.store.size;
    const twice = await forgetH1(books, 'forget-h1-again');
    expect(isLeft(twice) && [twice.left.code, twice.left.message]).toEqual([
      'HOUSEHOLD_ALREADY_ERASED',
      'householdId: the personal data of household h1 (户主 张大) was already erased on 2024-05-01',
    ]);
    const unknown = await forgetH1(books, 'forget-h9', 'h9');
    expect(isLeft(unknown) && [unknown.left.code, unknown.left.message]).toEqual(['HOUSEHOLD_UNKNOWN', 'householdId: household h9 is not registered in v']);
    const noKeys = await forgetHousehold(
      { store: books.store, catalog: books.context.catalog },
      { commandId: 'forget-h2', actor: '会计', input: { organizationId: 'v', householdId: 'h2', erasedOn: '2024-05-01', reason: '申请' } },
    );
    expect(isLeft(noKeys) && noKeys.left.code).toBe('PERSONAL_DATA_NO_KEY_STORE');
    expect(books.store.size).toBe(size);
    await books.context.personalData.getOrCreate(householdKeyId('v', 'h1'));
    const retried = await forgetH1(books);
    expect(isRight(retried) && retried.right.alreadyHandled).toBe(true);
    expect(await books.context.personalData.read(householdKeyId('v', 'h1'))).toBeUndefined();
  });
});
