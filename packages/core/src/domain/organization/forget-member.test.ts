import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { verifyStore } from '../../audit/verify.js';
import { importLedger } from '../../kernel/ndjson/index.js';
import { runReport } from '../../reports/definitions/run-report.js';
import { reports } from '../../reports/definitions/registry.js';
import { memberKeyId } from '../../personal-data/keys.js';
import { isSealed } from '../../personal-data/sealed-field.js';
import { booksOf2023, idNumberOf, plan, type TestShares } from '../shares/test-shares.js';
import { forgetMember } from './forget-member.js';
import { admitMember, registerHousehold } from './member-service.js';

const distributed = async (): Promise<TestShares> => {
  const books = await booksOf2023();
  await books.ok('distribute', plan());
  await books.ok('pay', { year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1' }, { memberId: 'm2', amount: '1000.00' }] });
  return books;
};

const forget = (books: TestShares, commandId = 'forget-m2', memberId = 'm2') =>
  forgetMember(books.context, { commandId, actor: '会计', input: { organizationId: 'v', memberId, erasedOn: '2024-05-01', reason: '本人申请删除个人信息' } });

/** Every report that shows a figure of the shares, as JSON. */
const figures = async (books: TestShares) => ({
  shares: await runReport(books.store, books.context.catalog, reports.shares, { village: 'v', asOf: '2024-12-31' }),
  dividends: await runReport(books.store, books.context.catalog, reports.dividends, { village: 'v', year: 2023 }),
  distribution: await runReport(books.store, books.context.catalog, reports.distribution, { village: 'v', year: 2023 }),
  balances: await runReport(books.store, books.context.catalog, reports['trial-balance'], { village: 'v', year: 2024 }),
});

const idNumbersOn = async (books: TestShares, withKeys: boolean) => {
  const roll = await runReport(books.store, books.context.catalog, reports.members, {
    village: 'v',
    asOf: '2024-12-31',
    ...(withKeys ? { personalData: books.context.personalData } : {}),
  });
  return Object.fromEntries(roll.households.flatMap((h) => h.members.map((m) => [m.memberId, m.idNumber])));
};

const allText = async (books: TestShares): Promise<string> => {
  let text = '';
  for await (const event of books.store.readAll()) text += JSON.stringify({ data: event.data, metadata: event.metadata });
  return text;
};

describe('personal data of members', () => {
  it('is stored sealed: no ID number or address in any event, and the register opens them with the keys', async () => {
    const books = await distributed();
    const text = await allText(books);
    for (const plain of [idNumberOf('m1'), idNumberOf('m4'), '张家村一组 3 号']) expect(text).not.toContain(plain);
    for await (const event of books.store.readStream('organization-v')) {
      if (event.type === 'MemberJoined') expect(isSealed((event.data as { idNumber?: unknown }).idNumber)).toBe(true);
    }
    expect(await idNumbersOn(books, true)).toEqual({ m1: idNumberOf('m1'), m2: idNumberOf('m2'), m3: idNumberOf('m3'), m4: idNumberOf('m4') });
    expect(await idNumbersOn(books, false)).toEqual({ m1: { withheld: 'sealed' }, m2: { withheld: 'sealed' }, m3: { withheld: 'sealed' }, m4: { withheld: 'sealed' } });
  });

  it('forgetMember erases the member\'s fields everywhere and changes no figure; the chain and the books still verify', async () => {
    const books = await distributed();
    const before = await figures(books);
    const size = books.store.size;
    const forgotten = await forget(books);
    expect(isRight(forgotten) && forgotten.right.events.map((e) => e.type)).toEqual(['MemberPersonalDataErased']);
    expect(books.store.size).toBe(size + 1);
    expect(await books.context.personalData.read(memberKeyId('v', 'm2'))).toBeUndefined();
    expect(await figures(books)).toEqual(before);
    expect(await idNumbersOn(books, true)).toEqual({ m1: idNumberOf('m1'), m2: { withheld: 'erased' }, m3: idNumberOf('m3'), m4: idNumberOf('m4') });
    expect((await idNumbersOn(books, false)).m2).toEqual({ withheld: 'erased' });
    const verified = await verifyStore(books.store);
    expect(verified.findings).toEqual([]);
    expect(verified.events).toBe(size + 1);
  });

  it('refuses to erase twice or an unknown member, and a retry with the same command id destroys the key again', async () => {
    const books = await distributed();
    expect(isRight(await forget(books))).toBe(true);
    const again = await forget(books, 'forget-m2-again');
    expect(isLeft(again) && again.left.message).toBe('memberId: the personal data of m2 (张小) was already erased on 2024-05-01');
    const unknown = await forget(books, 'forget-m9', 'm9');
    expect(isLeft(unknown) && unknown.left.code).toBe('MEMBER_UNKNOWN');
    await books.context.personalData.getOrCreate(memberKeyId('v', 'm2'));
    const retried = await forget(books);
    expect(isRight(retried) && retried.right.alreadyHandled).toBe(true);
    expect(await books.context.personalData.read(memberKeyId('v', 'm2'))).toBeUndefined();
  });

  it('refuses a sealed ID number already held, without repeating it; once erased, the number is free', async () => {
    const books = await distributed();
    const admit = (commandId: string) =>
      admitMember(books.context, {
        commandId,
        actor: '会计',
        input: { organizationId: 'v', memberId: 'm9', householdId: 'h1', name: '张又', joinedOn: '2024-06-01', reason: 'birth', idNumber: idNumberOf('m2') },
      });
    const taken = await admit('m9-a');
    expect(isLeft(taken) && [taken.left.code, taken.left.message]).toEqual(['MEMBER_ID_NUMBER_TAKEN', "idNumber: the number given is already member m2's in v"]);
    await forget(books);
    expect(isRight(await admit('m9-b'))).toBe(true);
  });

  it('refuses a personal field, or an erasure, without a key store, and writes nothing', async () => {
    const books = await distributed();
    const context = { store: books.store, catalog: books.context.catalog };
    const size = books.store.size;
    const household = await registerHousehold(context, { commandId: 'h3', actor: '会计', occurredOn: '2024-01-01', input: { organizationId: 'v', householdId: 'h3', head: '王五', address: '三组' } });
    expect(isLeft(household) && [household.left.code, household.left.message]).toEqual([
      'PERSONAL_DATA_NO_KEY_STORE',
      'address: personal data is recorded sealed with a key of its own, and this command was given no personal-data key store (context.personalData); give one, or leave address out',
    ]);
    const member = await admitMember(context, {
      commandId: 'm9',
      actor: '会计',
      input: { organizationId: 'v', memberId: 'm9', householdId: 'h1', name: '张又', joinedOn: '2024-06-01', reason: 'birth', idNumber: '1' },
    });
    expect(isLeft(member) && member.left.code).toBe('PERSONAL_DATA_NO_KEY_STORE');
    const erased = await forgetMember(context, { commandId: 'f', actor: '会计', input: { organizationId: 'v', memberId: 'm1', erasedOn: '2024-05-01', reason: '申请' } });
    expect(isLeft(erased) && erased.left.code).toBe('PERSONAL_DATA_NO_KEY_STORE');
    expect(books.store.size).toBe(size);
    const plain = await registerHousehold(context, { commandId: 'h3', actor: '会计', occurredOn: '2024-01-01', input: { organizationId: 'v', householdId: 'h3', head: '王五' } });
    expect(isRight(plain)).toBe(true);
  });

  it('refuses bad input naming each field, and a ledger line of the erasure with bad data, writing nothing', async () => {
    const books = await distributed();
    const size = books.store.size;
    const bad = await forgetMember(books.context, {
      commandId: 'forget-bad',
      actor: '会计',
      input: { organizationId: 'v', memberId: 'm2', erasedOn: '2024-02-30', reason: '', reasn: '申请' } as never,
    });
    expect(isLeft(bad) && bad.left.code).toBe('INVALID_INPUT');
    const message = isLeft(bad) ? bad.left.message : '';
    expect(message).toContain('erasedOn: expected a date YYYY-MM-DD, got "2024-02-30"');
    expect(message).toContain('reason:');
    expect(message).toContain('reasn: unknown field; did you mean reason?');
    expect(books.store.size).toBe(size);
    const line = JSON.stringify({
      streamId: 'organization-v',
      type: 'MemberPersonalDataErased',
      data: { organizationId: 'v', memberId: 'm2', erasedOn: '2024-13-01', reason: '申请' },
      metadata: { eventId: '00000000-0000-4000-8000-0000000000e1', occurredOn: '2024-05-01', actor: '会计', schemaVersion: 1 },
    });
    await expect(importLedger(books.store, async function* () { yield `${line}\n`; }, books.context.catalog)).rejects.toThrow(
      'line 1: data.erasedOn: expected a date YYYY-MM-DD, got "2024-13-01"',
    );
    expect(books.store.size).toBe(size);
  });
});

