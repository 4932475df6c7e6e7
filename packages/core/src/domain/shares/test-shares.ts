import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import type { DomainError } from '../../kernel/decider.js';
import { testLedger } from '../ledger/test-ledger.js';
import { admitMember, recordMemberLeaving, registerHousehold } from '../organization/member-service.js';
import { distributeIncome, payDividends } from './distribution-service.js';
import { adoptShareCharter, inheritShares, quantifyShares, transferShares, withdrawShares } from './register-service.js';

const services = {
  charter: adoptShareCharter,
  quantify: quantifyShares,
  transfer: transferShares,
  inherit: inheritShares,
  withdraw: withdrawShares,
  distribute: distributeIncome,
  pay: payDividends,
  join: admitMember,
  leave: recordMemberLeaving,
} as const;

/** The sub-accounts of 322 a distribution books to, and 未分配收益, as the example declares them. */
export const DISTRIBUTION_ACCOUNTS = [
  ['32201', '提取公积公益金'],
  ['32202', '提取福利费'],
  ['32203', '外来投资分利'],
  ['32204', '成员分红'],
  ['32205', '未分配收益'],
] as const;

export const charter = (extra: object = {}) => ({
  adoptedOn: '2021-01-01',
  resolution: '股东大会决议〔2021〕1号',
  classes: [
    { classId: 'member', nameZh: '成员股', heldBy: 'member' },
    { classId: 'labour', nameZh: '劳龄股', heldBy: 'member' },
    { classId: 'collective', nameZh: '集体股', heldBy: 'collective' },
  ],
  reservePercent: '20',
  onLeaving: 'keep',
  transfersAllowed: true,
  ...extra,
});

/** The made-up 身份证号 the test books record for a member (sealed with the member's key). */
export const idNumberOf = (memberId: string): string => `14010519600101${memberId.slice(1).padStart(4, '0')}`;

/**
 * Village `v` (testLedger) with two households (with addresses) and four
 * members (with ID numbers), sealed with the in-memory key store, the 322
 * sub-accounts of a distribution, 102 allowed an overdraft, a charter, and
 * services bound to `v`; the
 * shares are not quantified yet. For tests.
 */
export const testShares = async () => {
  const books = await testLedger();
  for (const [code, nameZh] of DISTRIBUTION_ACCOUNTS) {
    const declared = await books.subAccount(code, nameZh);
    if (isLeft(declared)) throw new Error(declared.left.message);
  }
  // The tests pay from 102 without first putting money in it (and in a year whose previous year is open, which carries nothing).
  const overdraft = await books.overdraft();
  if (isLeft(overdraft)) throw new Error(overdraft.left.message);
  let n = 0;
  const run = (service: keyof typeof services, input: object): Promise<Either<DomainError, unknown>> =>
    services[service](books.context, { commandId: `s-${(n += 1)}`, actor: '会计', input: { organizationId: 'v', ...input } as never });
  const ok = async (service: keyof typeof services, input: object): Promise<void> => {
    const result = await run(service, input);
    if (isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
  };
  for (const [householdId, head, address] of [['h1', '张大', '张家村一组 3 号'], ['h2', '李二', '张家村二组 8 号']] as const) {
    const input = { organizationId: 'v', householdId, head, address };
    const registered = await registerHousehold(books.context, { commandId: `h-${householdId}`, actor: '会计', occurredOn: '2020-06-01', input });
    if (isLeft(registered)) throw new Error(registered.left.message);
  }
  for (const [memberId, householdId, name] of [['m1', 'h1', '张大'], ['m2', 'h1', '张小'], ['m3', 'h2', '李二'], ['m4', 'h2', '李三']] as const) {
    await ok('join', { memberId, householdId, name, joinedOn: '2020-06-01', reason: 'founding', idNumber: idNumberOf(memberId) });
  }
  await ok('charter', charter());
  return { ...books, run, ok };
};

export type TestShares = Awaited<ReturnType<typeof testShares>>;

/** Run a command expecting a refusal with this code and message, and not one event more in the store. */
export const refused = async (books: TestShares, [service, input]: readonly [Parameters<TestShares['run']>[0], object], code: string, message: unknown): Promise<void> => {
  const before = books.store.size;
  const result = await books.run(service, input);
  expect(result._tag === 'Left' && result.left).toMatchObject({ code, message });
  expect(books.store.size).toBe(before);
};

/** The allotment of the tests: member shares 1 each, labour-age shares 2/1/3/0, 10 collective shares. */
export const allotments = [
  { memberId: 'm1', classId: 'member', shares: '1' },
  { memberId: 'm1', classId: 'labour', shares: '2' },
  { memberId: 'm2', classId: 'member', shares: '1' },
  { memberId: 'm2', classId: 'labour', shares: '1' },
  { memberId: 'm3', classId: 'member', shares: '1' },
  { memberId: 'm3', classId: 'labour', shares: '3' },
  { memberId: 'm4', classId: 'member', shares: '1' },
  { classId: 'collective', shares: '10' },
];

export const quantification = (extra: object = {}) => ({
  baseDate: '2021-06-30',
  resolution: '股东大会决议〔2021〕2号',
  operatingNetAssets: '200000.00',
  allotments,
  ...extra,
});

/** 2023: operating income 100,000.00 and expenses 20,000.00, closed: net income 80,000.00. */
export const booksOf2023 = async (): Promise<TestShares> => {
  const books = await testShares();
  await books.ok('quantify', quantification());
  await books.voucher('记-001', '2023-05-10', [['102', 'debit', '100000.00'], ['501', 'credit', '100000.00']]);
  await books.voucher('记-002', '2023-06-10', [['511', 'debit', '20000.00'], ['102', 'credit', '20000.00']]);
  await books.close(2023);
  return books;
};

export const dividendsStep = (extra: object = {}) => ({
  kind: 'dividends',
  account: '32204',
  percent: '50',
  recordDate: '2023-12-31',
  weights: [{ classId: 'labour', weight: '0.5' }],
  ...extra,
});

export const plan = (steps: readonly object[] = [{ kind: 'reserve', account: '32201' }, { kind: 'welfare', account: '32202', amount: '4000.00' }, dividendsStep()], extra: object = {}) => ({
  year: 2023,
  approvedOn: '2024-03-15',
  resolution: '股东代表大会决议〔2024〕1号',
  steps,
  ...extra,
});

