import { isLeft } from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventStore, JsonObject } from '../kernel/index.js';
import { acquireFixedAsset } from '../domain/assets/service.js';
import { building, testAssets } from '../domain/assets/test-assets.js';
import { testLedger } from '../domain/ledger/test-ledger.js';
import { booksOf2023, plan } from '../domain/shares/test-shares.js';
import { BooksCheck, type EventToCheck, type Finding } from './books-check.js';

type Recorded = EventToCheck & { readonly data: JsonObject };

const eventsOf = async (store: EventStore): Promise<Recorded[]> => {
  const out: Recorded[] = [];
  for await (const e of store.readAll()) out.push({ streamId: e.streamId, type: e.type, data: e.data, metadata: e.metadata });
  return out;
};

/** Every finding of a ledger, checked in order, each with the line (1-based) of its event. */
const check = (events: readonly EventToCheck[]): Finding[] => {
  const books = new BooksCheck();
  const found = events.flatMap((event, i) => books.check(event, { streamId: event.streamId, line: i + 1 }));
  return [...found, ...books.finish()].filter((f) => f.severity === 'error');
};

const where = (findings: readonly Finding[]) => findings.map((f) => ({ line: f.line, streamId: f.streamId, rule: f.rule, message: f.message }));

const edit = (events: readonly Recorded[], index: number, change: (e: Recorded) => Recorded): Recorded[] =>
  events.map((e, i) => (i === index ? change(e) : e));

const indexOf = (events: readonly Recorded[], test: (e: Recorded) => boolean, from = 0): number => {
  const i = events.findIndex((e, j) => j >= from && test(e));
  if (i === -1) throw new Error('no such event');
  return i;
};

const voucher = (voucherNo: string, date: string, lines: readonly (readonly [string, 'debit' | 'credit', string])[], organizationId = 'v'): Recorded => ({
  streamId: `ledger-v-${date.slice(0, 4)}`,
  type: 'VoucherPosted',
  data: { organizationId, voucherNo, date, summary: '手写凭证', lines: lines.map(([account, side, amount]) => ({ account, side, amount })) },
  metadata: { eventId: `00000000-0000-4000-8000-${voucherNo.length}${date.replace(/-/g, '')}0`, occurredOn: date, schemaVersion: 1 },
});

describe('the rules of the books over a recorded ledger', () => {
  let assets: Recorded[];
  let shares: Recorded[];
  let january: Recorded[];

  beforeAll(async () => {
    const books = await testAssets();
    await books.voucher('记-001', '2023-01-10', [['102', 'debit', '120000.00'], ['501', 'credit', '120000.00']]);
    await books.voucher('记-002', '2023-02-10', [['102', 'debit', '99.99'], ['501', 'credit', '99.99']]);
    await books.voucher('记-003', '2023-02-11', [['501', 'debit', '99.99'], ['102', 'credit', '99.99']], { reverses: '记-002' });
    await books.ok('acquire', building('b1', '120000.00', 240, { acquiredOn: '2023-01-15', creditAccount: '102' }));
    for (let month = 2; month <= 12; month += 1) await books.ok('depreciate', { month: `2023-${String(month).padStart(2, '0')}` });
    await books.close(2023);
    await books.ok('depreciate', { month: '2024-01' });
    assets = await eventsOf(books.store);
    const distributed = await booksOf2023();
    await distributed.ok('distribute', plan());
    await distributed.ok('pay', { year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1', amount: '100.00' }] });
    shares = await eventsOf(distributed.store);
    // January spends what 2023 left in the bank before 2023 is closed; no overdraft is allowed.
    const early = await testLedger();
    await early.subAccount('15101', '经营性固定资产');
    await early.voucher('记-001', '2023-06-01', [['102', 'debit', '60000.00'], ['501', 'credit', '60000.00']]);
    await early.voucher('记-001', '2024-01-05', [['101', 'debit', '10000.00'], ['102', 'credit', '10000.00']]);
    const input = { organizationId: 'v', ...building('b1', '50000.00', 240, { acquiredOn: '2024-01-15' }) };
    await acquireFixedAsset(early.context, { commandId: 'a-1', actor: '会计', input: input as never });
    await early.close(2023);
    january = await eventsOf(early.store);
  });

  it('finds nothing in books written by the commands', () => {
    expect(check(assets)).toEqual([]);
    expect(check(shares)).toEqual([]);
    expect(january.filter((e) => e.streamId === 'ledger-v-2024').map((e) => e.type)).toEqual(['VoucherPosted', 'FixedAssetAcquired', 'VoucherPosted']);
    expect(check(january)).toEqual([]);
  });

  it('counts what a previous year still open left in the bank, as the command did, and refuses a fen more', () => {
    const close = indexOf(january, (e) => e.type === 'YearClosed');
    const overdraft = voucher('记-002', '2024-01-20', [['513', 'debit', '0.01'], ['102', 'credit', '0.01']]);
    const expected = {
      line: close + 1,
      streamId: 'ledger-v-2024',
      rule: 'VOUCHER_BANK_OVERDRAWN',
      message: 'lines[1].account: voucher 记-002 would leave 102 银行存款 with a credit balance of 0.01; if the bank grants an overdraft, declare it in the chart (allowBankOverdraft 102)',
    };
    expect(where(check([...january.slice(0, close), overdraft, ...january.slice(close)]))).toEqual([expected]);
    // After the close the same balance is carried: the same refusal.
    expect(where(check([...january, overdraft]))).toEqual([{ ...expected, line: january.length + 1 }]);
  });

  it('counts what is put into the open year before after the next year began, as the command did, and refuses a fen more', async () => {
    const books = await testLedger();
    const posted = async (no: string, date: string, lines: Parameters<typeof books.voucher>[2]) => {
      const result = await books.voucher(no, date, lines);
      expect(isLeft(result) ? result.left.message : 'posted').toBe('posted');
    };
    await posted('记-001', '2023-06-01', [['102', 'debit', '60000.00'], ['501', 'credit', '60000.00']]);
    await posted('记-001', '2024-01-05', [['101', 'debit', '10000.00'], ['102', 'credit', '10000.00']]);
    // 2023 is still open: a late receipt of 2023 after 2024 began is in 2024's bank from then on.
    await posted('记-002', '2023-12-30', [['102', 'debit', '5000.00'], ['501', 'credit', '5000.00']]);
    await posted('记-002', '2024-01-20', [['513', 'debit', '55000.00'], ['102', 'credit', '55000.00']]);
    const refused = await books.voucher('记-003', '2024-01-21', [['513', 'debit', '0.01'], ['102', 'credit', '0.01']]);
    expect(isLeft(refused) ? refused.left.code : 'posted').toBe('VOUCHER_BANK_OVERDRAWN');
    const recorded = await eventsOf(books.store);
    expect(check(recorded)).toEqual([]);
    const overdrawn = voucher('记-003', '2024-01-21', [['513', 'debit', '0.01'], ['102', 'credit', '0.01']]);
    expect(check([...recorded, overdrawn]).map((f) => f.rule)).toEqual(['VOUCHER_BANK_OVERDRAWN']);
    // The late 2023 receipt moved before the first 2024 payment: the books still hold, and so does the refusal.
    const late = indexOf(recorded, (e) => e.data['voucherNo'] === '记-002' && e.streamId === 'ledger-v-2023');
    const first2024 = indexOf(recorded, (e) => e.streamId === 'ledger-v-2024');
    const reordered = [...recorded.slice(0, first2024), recorded[late] as Recorded, ...recorded.slice(first2024).filter((_, i) => i + first2024 !== late)];
    expect(check(reordered)).toEqual([]);
    expect(check([...reordered, overdrawn]).map((f) => f.rule)).toEqual(['VOUCHER_BANK_OVERDRAWN']);
  });

  it('carries an asset acquired in the open year before, after the next year began, into the next year, as the command did', async () => {
    const books = await testAssets();
    await books.ok('acquire', building('b1', '120000.00', 240, { acquiredOn: '2023-10-15', creditAccount: '102' }));
    for (const month of ['2023-11', '2023-12', '2024-01']) await books.ok('depreciate', { month });
    // A late 2023 acquisition, recorded after January 2024 was depreciated: 2024's register holds it from then on.
    await books.ok('acquire', building('b2', '24000.00', 240, { acquiredOn: '2023-12-20', creditAccount: '102' }));
    const february = await books.run('depreciate', { month: '2024-02' });
    expect(isLeft(february) ? february.left.message : 'charged').toBe('month: b2 (房屋b2) is depreciated through 2023-12; charge 2024-01 first');
    await books.close(2023);
    await books.ok('acquire', building('b3', '12000.00', 240, { acquiredOn: '2024-02-10', creditAccount: '102' }));
    const recorded = await eventsOf(books.store);
    expect(recorded.filter((e) => e.type === 'FixedAssetAcquired').map((e) => e.streamId)).toEqual(['ledger-v-2023', 'ledger-v-2023', 'ledger-v-2024']);
    expect(check(recorded)).toEqual([]);
    // The same late acquisition placed after the close of 2023: refused by the check, as a command would refuse it.
    const late = indexOf(recorded, (e) => e.type === 'FixedAssetAcquired' && e.data['assetId'] === 'b2');
    expect(recorded[late + 1]?.data['origin']).toBe('assets');
    const close = indexOf(recorded, (e) => e.type === 'YearClosed');
    const afterClose = [...recorded.slice(0, late), ...recorded.slice(late + 2, close + 1), ...recorded.slice(late, late + 2), ...recorded.slice(close + 1)];
    expect(check(afterClose).map((f) => f.rule)).toContain('AFTER_YEAR_CLOSE');
  });

  it('refuses a voucher placed after the close of its year', () => {
    const close = indexOf(assets, (e) => e.type === 'YearClosed');
    const late = voucher('记-009', '2023-12-20', [['102', 'debit', '1.00'], ['501', 'credit', '1.00']]);
    const events = [...assets.slice(0, close + 1), late, ...assets.slice(close + 1)];
    expect(where(check(events))).toEqual([
      { line: close + 2, streamId: 'ledger-v-2023', rule: 'AFTER_YEAR_CLOSE', message: '2023 of v is closed; nothing may be recorded after its close' },
    ]);
  });

  it('refuses a voucher number used twice in a year, an account in no chart, and a voucher of another village', () => {
    const close = indexOf(assets, (e) => e.type === 'YearClosed');
    const before = assets.slice(0, close);
    const after = assets.slice(close);
    expect(where(check([...before, voucher('记-001', '2023-12-01', [['102', 'debit', '1.00'], ['501', 'credit', '1.00']])]))).toEqual([
      { line: close + 1, streamId: 'ledger-v-2023', rule: 'VOUCHER_NUMBER_TAKEN', message: 'voucherNo: 记-001 is already posted in 2023' },
    ]);
    const [unknown] = check([...before, voucher('记-010', '2023-12-01', [['999', 'debit', '1.00'], ['501', 'credit', '1.00']])]);
    expect(unknown).toMatchObject({ line: close + 1, rule: 'VOUCHER_ACCOUNT_UNKNOWN' });
    expect(unknown?.message).toContain('999');
    expect(where(check([...before, voucher('记-011', '2023-12-01', [['102', 'debit', '1.00'], ['501', 'credit', '1.00']], 't'), ...after]))).toEqual([
      { line: close + 1, streamId: 'ledger-v-2023', rule: 'STREAM_ORGANIZATION', message: 'a VoucherPosted of t on the stream of v' },
    ]);
  });

  it('refuses a hand-made voucher that pays out cash the village does not hold', () => {
    const close = indexOf(assets, (e) => e.type === 'YearClosed');
    const office = voucher('记-020', '2023-12-01', [['513', 'debit', '50.00'], ['101', 'credit', '50.00']]);
    expect(where(check([...assets.slice(0, close), office]))).toEqual([
      {
        line: close + 1,
        streamId: 'ledger-v-2023',
        rule: 'VOUCHER_CASH_OVERDRAWN',
        message: 'lines[1].account: voucher 记-020 would leave 101 库存现金 with a credit balance of 50.00; cash on hand cannot be negative',
      },
    ]);
  });

  it('refuses a bank overdraft the chart does not allow, in a hand-made voucher or a generated one', () => {
    const allowance = indexOf(assets, (e) => e.type === 'BankOverdraftAllowed');
    const withoutAllowance = assets.filter((_, i) => i !== allowance);
    // Every payment of these books spends money the bank holds, this year's or what the close carried.
    expect(check(withoutAllowance)).toEqual([]);
    expect(check(shares.filter((e) => e.type !== 'BankOverdraftAllowed'))).toEqual([]);
    const close = indexOf(withoutAllowance, (e) => e.type === 'YearClosed');
    const withdrawal = voucher('记-020', '2023-12-01', [['101', 'debit', '0.01'], ['102', 'credit', '0.01']]);
    expect(check([...assets.slice(0, close + 1), withdrawal])).toEqual([]);
    expect(where(check([...withoutAllowance.slice(0, close), withdrawal]))).toEqual([
      {
        line: close + 1,
        streamId: 'ledger-v-2023',
        rule: 'VOUCHER_BANK_OVERDRAWN',
        message: 'lines[1].account: voucher 记-020 would leave 102 银行存款 with a credit balance of 0.01; if the bank grants an overdraft, declare it in the chart (allowBankOverdraft 102)',
      },
    ]);
    const unfunded = withoutAllowance.filter((e) => e.data['voucherNo'] !== '记-001' || e.type !== 'VoucherPosted');
    const purchase = indexOf(unfunded, (e) => e.type === 'FixedAssetAcquired') + 1;
    expect(where(check(unfunded))[0]).toEqual({
      line: purchase + 1,
      streamId: 'ledger-v-2023',
      rule: 'VOUCHER_BANK_OVERDRAWN',
      message: 'lines[1].account: voucher 资-001 would leave 102 银行存款 with a credit balance of 120000.00; if the bank grants an overdraft, declare it in the chart (allowBankOverdraft 102)',
    });
  });

  it('re-decides the chart: an overdraft on a bank account, once, and a sub-account declared once', () => {
    const allowance = indexOf(assets, (e) => e.type === 'BankOverdraftAllowed');
    const again = (e: Recorded): Recorded => ({ ...e, metadata: { ...e.metadata, eventId: '00000000-0000-4000-8000-000000000099' } });
    const twice = [...assets.slice(0, allowance + 1), again(assets[allowance]!), ...assets.slice(allowance + 1)];
    expect(where(check(twice))).toEqual([
      { line: allowance + 2, streamId: 'chart-v', rule: 'BANK_OVERDRAFT_ALREADY_ALLOWED', message: 'account: 102 银行存款 may already be overdrawn' },
    ]);
    const declared = indexOf(assets, (e) => e.type === 'SubAccountDeclared');
    expect(where(check([...assets.slice(0, declared + 1), again(assets[declared]!)]))).toEqual([
      { line: declared + 2, streamId: 'chart-v', rule: 'SUB_ACCOUNT_CODE_TAKEN', message: 'code: 15101 is already in the chart as 经营性固定资产' },
    ]);
    const onCash = edit(assets.slice(0, allowance + 1), allowance, (e) => ({ ...e, data: { ...e.data, account: '101' } }));
    expect(where(check(onCash))).toEqual([
      {
        line: allowance + 1,
        streamId: 'chart-v',
        rule: 'EVENT_INVALID',
        message: 'data.account: expected a bank account code (102, or 102 followed by pairs of digits), got "101"',
      },
    ]);
  });

  it('finds a voucher of a closed year whose amounts were edited on both lines, by the close that no longer adds up', () => {
    const first = indexOf(assets, (e) => e.type === 'VoucherPosted' && e.data['voucherNo'] === '记-001');
    const edited = edit(assets, first, (e) => ({
      ...e,
      data: { ...e.data, lines: (e.data['lines'] as JsonObject[]).map((l) => ({ ...l, amount: '100000.00' })) },
    }));
    const [finding] = check(edited);
    expect(finding).toMatchObject({ rule: 'YEAR_CLOSE_MISMATCH', streamId: 'ledger-v-2023', type: 'YearClosed' });
    expect(finding?.message).toMatch(/^the close of 2023 of v: data\.\S+: recorded "[^"]+", the rules give "[^"]+"$/);
  });

  it('finds a generated voucher that does not post what its register events imply', () => {
    const charge = indexOf(assets, (e) => e.type === 'DepreciationCharged');
    const generated = charge + 1;
    const edited = edit(assets, generated, (e) => ({
      ...e,
      data: { ...e.data, lines: (e.data['lines'] as JsonObject[]).map((l) => ({ ...l, amount: '1.00' })) },
    }));
    expect(where(check(edited)).find((f) => f.line === generated + 1)).toEqual({
      line: generated + 1,
      streamId: 'ledger-v-2023',
      rule: 'GENERATED_VOUCHER_MISMATCH',
      message: 'voucher 资-002: account 152: the voucher moves -1.00, the events of the asset register imply -475.00 (debit positive)',
    });
  });

  it('finds an asset depreciated before it was acquired, and register events without their voucher', () => {
    const acquired = indexOf(assets, (e) => e.type === 'FixedAssetAcquired');
    const charge = indexOf(assets, (e) => e.type === 'DepreciationCharged');
    const early = edit(assets, charge, (e) => ({ ...e, data: { ...e.data, month: '2023-01' } }));
    expect(where(check(early)).find((f) => f.line === charge + 1)).toEqual({
      line: charge + 1,
      streamId: 'ledger-v-2023',
      rule: 'REGISTER_TRANSITION',
      message: 'the asset register: b1 was acquired on 2023-01-15, its depreciation starts the month after; the charge is for 2023-01',
    });
    const alone = assets.filter((_, i) => i !== acquired + 1);
    expect(where(check(alone)).find((f) => f.rule === 'GENERATED_VOUCHER_MISSING')).toEqual({
      line: acquired + 1,
      streamId: 'ledger-v-2023',
      rule: 'GENERATED_VOUCHER_MISSING',
      message: 'these events of the asset register imply journal lines, but no voucher of the asset register was recorded with them',
    });
  });

  it('finds dividends paid beyond what was declared', () => {
    const paid = indexOf(shares, (e) => e.type === 'DividendsPaid');
    const over = edit(shares, paid, (e) => ({ ...e, data: { ...e.data, payments: [{ memberId: 'm1', amount: '99999.00' }] } }));
    expect(where(check(over)).find((f) => f.line === paid + 1)).toEqual({
      line: paid + 1,
      streamId: 'ledger-v-2024',
      rule: 'REGISTER_TRANSITION',
      message: "the share register: m1 is paid more of 2023's dividends than is still owed",
    });
  });

  it('finds shares allotted to a member who never joined', () => {
    const quantified = indexOf(shares, (e) => e.type === 'SharesQuantified');
    const stranger = edit(shares, quantified, (e) => ({
      ...e,
      data: { ...e.data, allotments: [...(e.data['allotments'] as JsonObject[]), { memberId: 'm9', classId: 'member', shares: '1' }] },
    }));
    const [finding] = check(stranger);
    expect(finding).toMatchObject({ line: quantified + 1, streamId: 'shares-v' });
    expect(finding?.message).toContain('m9');
  });

  it('finds an event on a stream it does not belong on', () => {
    const moved = edit(assets, 0, (e) => ({ ...e, streamId: 'ledger-d-2020' }));
    expect(where(check(moved))[0]).toEqual({
      line: 1,
      streamId: 'ledger-d-2020',
      rule: 'STREAM_EVENT_TYPE',
      message: 'a OrganizationRegistered belongs on a stream organization-<organizationId>, not ledger-d-2020',
    });
  });
});
