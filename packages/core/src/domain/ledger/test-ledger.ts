import { isLeft } from 'fp-ts/lib/Either.js';
import { coreCatalog } from '../../catalog.js';
import type { RecordedEvent } from '../../kernel/event.js';
import { InMemoryEventStore } from '../../kernel/memory-store.js';
import { registerOrganization } from '../organization/service.js';
import { allowBankOverdraft, declareSubAccount } from './chart/index.js';
import { closeYear, postVoucher } from './service.js';
import { InMemoryPersonalDataKeys } from '../../personal-data/memory-keys.js';

type Line = readonly [account: string, side: 'debit' | 'credit', amount: string];

/**
 * A district, a township and village `v` on an in-memory store, with helpers
 * that post vouchers and close years through the public services, and an
 * in-memory personal-data key store. For tests.
 */
export const testLedger = async () => {
  const store = new InMemoryEventStore();
  const context = { store, catalog: coreCatalog, personalData: new InMemoryPersonalDataKeys() };
  let n = 0;
  const envelope = () => ({ commandId: `c-${(n += 1)}`, actor: '会计' });
  const register = async (input: object) => {
    const result = await registerOrganization(context, { ...envelope(), input: input as never, occurredOn: '2020-01-01' });
    if (isLeft(result)) throw new Error(result.left.message);
  };
  await register({ organizationId: 'd', kind: 'district', code: '1', name: '示范区' });
  await register({ organizationId: 't', kind: 'township', code: '2', name: '北格镇', parentId: 'd' });
  await register({ organizationId: 'v', kind: 'village', code: '3', name: '张家村', parentId: 't' });
  const voucher = (voucherNo: string, date: string, lines: readonly Line[], extra: object = {}) =>
    postVoucher(context, {
      ...envelope(),
      input: {
        organizationId: 'v',
        voucherNo,
        date,
        summary: `凭证 ${voucherNo}`,
        lines: lines.map(([account, side, amount]) => ({ account, side, amount })),
        ...extra,
      },
    });
  const close = (year: number, organizationId = 'v') => closeYear(context, { ...envelope(), input: { organizationId, year } });
  const subAccount = (code: string, nameZh: string) =>
    declareSubAccount(context, { ...envelope(), occurredOn: '2020-01-01', input: { organizationId: 'v', code, nameZh } });
  /** Let the bank account be overdrawn (透支): books that pay from 102 with nothing in it. */
  const overdraft = (account = '102') => allowBankOverdraft(context, { ...envelope(), occurredOn: '2020-01-01', input: { organizationId: 'v', account } });
  const events = async (stream: string): Promise<RecordedEvent[]> => {
    const out: RecordedEvent[] = [];
    for await (const e of store.readStream(stream)) out.push(e);
    return out;
  };
  return { store, context, voucher, close, subAccount, overdraft, events };
};
