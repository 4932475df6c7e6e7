import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { InMemoryEventStore } from '../../kernel/memory-store.js';
import { coreCatalog } from '../../catalog.js';
import { registerOrganization } from '../organization/service.js';
import { postVoucher } from './service.js';

const setUp = async () => {
  const store = new InMemoryEventStore();
  const context = { store, catalog: coreCatalog };
  const register = (input: object, commandId: string) =>
    registerOrganization(context, { input: input as never, commandId, occurredOn: '2024-01-01', actor: 'registrar' });
  await register({ organizationId: 'd', kind: 'district', code: '1', name: '小店区' }, 'r1');
  await register({ organizationId: 't', kind: 'township', code: '2', name: '北格镇', parentId: 'd' }, 'r2');
  await register({ organizationId: 'v', kind: 'village', code: '3', name: '张家村', parentId: 't' }, 'r4');
  return { store, context };
};

const voucher = (voucherNo: string, extra: object = {}) => ({
  organizationId: 'v',
  voucherNo,
  date: '2024-03-15',
  summary: '收到土地发包收入',
  lines: [
    { account: '102', side: 'debit', amount: '8000.00' },
    { account: '501', side: 'credit', amount: '8000.00' },
  ],
  ...extra,
}) as never;

describe('postVoucher', () => {
  it('posts into the village ledger stream of the voucher year, dated by the voucher', async () => {
    const { store, context } = await setUp();
    const result = await postVoucher(context, { input: voucher('记-001'), commandId: 'p1', actor: 'accountant' });
    expect(isRight(result)).toBe(true);
    const events = [];
    for await (const e of store.readStream('ledger-v-2024')) events.push(e);
    expect(events.map((e) => [e.type, e.metadata.occurredOn, e.data['voucherNo']])).toEqual([
      ['VoucherPosted', '2024-03-15', '记-001'],
    ]);
  });

  it.each([
    ['an unbalanced voucher', { lines: [{ account: '102', side: 'debit', amount: '1.00' }, { account: '501', side: 'credit', amount: '2.00' }] }, 'INVALID_INPUT', 'lines: debits 1.00 differ from credits 2.00'],
    ['a voucher of an unknown organization', { organizationId: 'nowhere' }, 'VOUCHER_ORGANIZATION_NOT_VILLAGE', 'organizationId: nowhere is not registered'],
    ['a voucher of a township', { organizationId: 't' }, 'VOUCHER_ORGANIZATION_NOT_VILLAGE', 'organizationId: t is a township'],
    ['a reversal of an unknown voucher', { reverses: '记-999' }, 'VOUCHER_REVERSES_UNKNOWN', 'reverses: no voucher 记-999 in 2024'],
  ])('refuses %s and writes nothing', async (_label, change, code, message) => {
    const { store, context } = await setUp();
    const before = store.size;
    const result = await postVoucher(context, { input: voucher('记-002', change), commandId: 'p', actor: 'accountant' });
    expect(isLeft(result) && result.left.code).toBe(code);
    expect(isLeft(result) && result.left.message).toContain(message);
    expect(store.size).toBe(before);
  });

  it('refuses a voucher number used before in the year, and accepts a reversal of it', async () => {
    const { store, context } = await setUp();
    await postVoucher(context, { input: voucher('记-001'), commandId: 'p1', actor: 'a' });
    const again = await postVoucher(context, { input: voucher('记-001'), commandId: 'p2', actor: 'a' });
    expect(isLeft(again) && again.left.code).toBe('VOUCHER_NUMBER_TAKEN');
    const reversal = await postVoucher(context, {
      input: voucher('记-002', {
        reverses: '记-001',
        summary: '冲销记-001',
        lines: [
          { account: '501', side: 'debit', amount: '8000.00' },
          { account: '102', side: 'credit', amount: '8000.00' },
        ],
      }),
      commandId: 'p3',
      actor: 'a',
    });
    expect(isRight(reversal)).toBe(true);
    expect(store.size).toBe(5); // three organizations and two vouchers
  });
});
