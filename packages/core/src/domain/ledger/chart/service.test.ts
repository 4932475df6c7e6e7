import { factReader } from '../../../kernel/fact-reader.js';
import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { EventCatalog } from '../../../kernel/catalog.js';
import { InMemoryEventStore } from '../../../kernel/memory-store.js';
import { chartEvents, chartStream } from './events.js';
import { allowBankOverdraft, declareSubAccount, loadChart } from './service.js';

const setup = () => {
  const store = new InMemoryEventStore();
  return { store, context: { store, catalog: new EventCatalog([...chartEvents]) } };
};

const request = (input: unknown, commandId: string) => ({ input: input as never, commandId, occurredOn: '2024-01-01', actor: '会计' });

describe('declareSubAccount', () => {
  it('appends SubAccountDeclared to the village chart stream, and loadChart folds it', async () => {
    const { store, context } = setup();
    const first = await declareSubAccount(context, request({ organizationId: 'v', code: '15101', nameZh: '经营性固定资产' }, 'c1'));
    await declareSubAccount(context, request({ organizationId: 'v', code: '15102', nameZh: '非经营性固定资产', nameEn: 'non-operating fixed assets' }, 'c2'));
    expect(isRight(first) && first.right.events).toEqual([
      { type: 'SubAccountDeclared', data: { organizationId: 'v', code: '15101', nameZh: '经营性固定资产' } },
    ]);
    const recorded = [];
    for await (const event of store.readStream(chartStream('v'))) recorded.push(event);
    expect(recorded.map((e) => [e.type, e.data.code, e.metadata.occurredOn])).toEqual([
      ['SubAccountDeclared', '15101', '2024-01-01'],
      ['SubAccountDeclared', '15102', '2024-01-01'],
    ]);
    const chart = await loadChart(factReader(context), 'v');
    expect(chart.childrenOf('151').map((a) => a.code)).toEqual(['15101', '15102']);
    expect(chart.account('15102')?.nameEn).toBe('non-operating fixed assets');
    expect((await loadChart(factReader(context), 'other')).size).toBe(42);
  });

  it('appends once for the same command id', async () => {
    const { store, context } = setup();
    const input = { organizationId: 'v', code: '15101', nameZh: '经营性固定资产' };
    await declareSubAccount(context, request(input, 'c1'));
    const again = await declareSubAccount(context, request(input, 'c1'));
    expect(isRight(again) && again.right.alreadyHandled).toBe(true);
    expect(store.size).toBe(1);
  });

  it('refuses bad input naming the fields, and writes nothing', async () => {
    const { store, context } = setup();
    const result = await declareSubAccount(context, request({ organizationId: 'v', code: '1510', nameZh: ' ' }, 'c1'));
    expect(isLeft(result) && result.left.code).toBe('INVALID_INPUT');
    expect(isLeft(result) && result.left.message).toContain('code: expected an account code');
    expect(isLeft(result) && result.left.message).toContain('nameZh: expected a non-empty string');
    expect(store.size).toBe(0);
  });

  it.each([
    ['a standard account', '322', 'SUB_ACCOUNT_NOT_EXTENDING'],
    ['a code extending no account', '99901', 'SUB_ACCOUNT_PARENT_UNKNOWN'],
    ['a grandchild before its parent', '1510101', 'SUB_ACCOUNT_PARENT_UNKNOWN'],
  ])('refuses %s, and writes nothing', async (_label, code, expected) => {
    const { store, context } = setup();
    const result = await declareSubAccount(context, request({ organizationId: 'v', code, nameZh: '明细' }, 'c1'));
    expect(isLeft(result) && result.left.code).toBe(expected);
    expect(store.size).toBe(0);
  });

  it('refuses a code already declared, and writes nothing more', async () => {
    const { store, context } = setup();
    await declareSubAccount(context, request({ organizationId: 'v', code: '50101', nameZh: '销售收入' }, 'c1'));
    const result = await declareSubAccount(context, request({ organizationId: 'v', code: '50101', nameZh: '租赁收入' }, 'c2'));
    expect(isLeft(result) && result.left.code).toBe('SUB_ACCOUNT_CODE_TAKEN');
    expect(isLeft(result) && result.left.message).toBe('code: 50101 is already in the chart as 销售收入');
    expect(store.size).toBe(1);
  });

  it('keeps villages apart: the same code may be declared in two villages', async () => {
    const { store, context } = setup();
    await declareSubAccount(context, request({ organizationId: 'v1', code: '50101', nameZh: '销售收入' }, 'c1'));
    const other = await declareSubAccount(context, request({ organizationId: 'v2', code: '50101', nameZh: '租赁收入' }, 'c2'));
    expect(isRight(other)).toBe(true);
    expect(store.size).toBe(2);
  });
});

describe('allowBankOverdraft', () => {
  it('appends BankOverdraftAllowed to the village chart stream, and loadChart folds it', async () => {
    const { store, context } = setup();
    await declareSubAccount(context, request({ organizationId: 'v', code: '10201', nameZh: '农商银行' }, 'c1'));
    const result = await allowBankOverdraft(context, request({ organizationId: 'v', account: '10201' }, 'c2'));
    expect(isRight(result) && result.right.events).toEqual([{ type: 'BankOverdraftAllowed', data: { organizationId: 'v', account: '10201' } }]);
    const recorded = [];
    for await (const event of store.readStream(chartStream('v'))) recorded.push(event.type);
    expect(recorded).toEqual(['SubAccountDeclared', 'BankOverdraftAllowed']);
    const chart = await loadChart(factReader(context), 'v');
    expect([chart.account('10201')?.mayBeOverdrawn, chart.account('102')?.mayBeOverdrawn]).toEqual([true, false]);
    expect((await loadChart(factReader(context), 'other')).account('10201')).toBeUndefined();
  });

  it.each([
    ['cash on hand', { account: '101' }, 'BANK_OVERDRAFT_NOT_BANK'],
    ['a bank sub-account not declared', { account: '10201' }, 'BANK_OVERDRAFT_ACCOUNT_UNKNOWN'],
    ['a malformed code', { account: '1020' }, 'INVALID_INPUT'],
    ['an unknown field', { account: '102', limit: '5000.00' }, 'INVALID_INPUT'],
  ])('refuses %s, and writes nothing', async (_label, input, expected) => {
    const { store, context } = setup();
    const result = await allowBankOverdraft(context, request({ organizationId: 'v', ...input }, 'c1'));
    expect(isLeft(result) && result.left.code).toBe(expected);
    expect(store.size).toBe(0);
  });

  it('refuses an overdraft allowed before, and writes nothing more', async () => {
    const { store, context } = setup();
    await allowBankOverdraft(context, request({ organizationId: 'v', account: '102' }, 'c1'));
    const again = await allowBankOverdraft(context, request({ organizationId: 'v', account: '102' }, 'c2'));
    expect(isLeft(again) && again.left).toEqual({ code: 'BANK_OVERDRAFT_ALREADY_ALLOWED', message: 'account: 102 银行存款 may already be overdrawn' });
    expect(store.size).toBe(1);
  });
});
