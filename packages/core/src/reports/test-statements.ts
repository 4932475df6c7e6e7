import { coreCatalog } from '../catalog.js';
import { allowBankOverdraft, chartEvents, declareSubAccount } from '../domain/ledger/chart/index.js';
import { closeYear, postVoucher } from '../domain/ledger/service.js';
import { registerOrganization } from '../domain/organization/service.js';
import type { EventCatalog } from '../kernel/catalog.js';
import { InMemoryEventStore, type InMemoryEventStoreOptions } from '../kernel/memory-store.js';
import { runProjection } from '../kernel/projection.js';
import type { Window } from './balances.js';
import { statementsProjection } from './statement.js';

/**
 * `coreCatalog`, with the chart's events added if it does not hold them yet
 * (while the chart of accounts is being wired into the core catalog).
 */
export const reportsCatalog: EventCatalog = coreCatalog.has('SubAccountDeclared')
  ? coreCatalog
  : (coreCatalog as EventCatalog).extend(chartEvents);

export type Line = readonly [account: string, side: 'debit' | 'credit', amount: string];

interface Outcome {
  readonly _tag: 'Left' | 'Right';
  readonly left?: { readonly message: string };
}

const ok = async (result: Promise<Outcome>): Promise<void> => {
  const outcome = await result;
  if (outcome._tag === 'Left') throw new Error(outcome.left?.message ?? 'refused');
};

/**
 * An in-memory store with helpers that register organizations, declare
 * sub-accounts and bank overdrafts, post vouchers and close years through the public services
 * (each throws when the service refuses), and replay the statements'
 * projection. For tests.
 */
export const reportBooks = (options: InMemoryEventStoreOptions = {}) => {
  const store = new InMemoryEventStore(options);
  const context = { store, catalog: reportsCatalog };
  let n = 0;
  const envelope = () => ({ commandId: `c-${(n += 1)}`, actor: '会计' });
  return {
    store,
    context,
    organization: (organizationId: string, kind: 'district' | 'township' | 'village', name: string, parentId?: string) =>
      ok(
        registerOrganization(context, {
          ...envelope(),
          occurredOn: '2020-01-01',
          input: { organizationId, kind, code: organizationId, name, ...(parentId === undefined ? {} : { parentId }) },
        }),
      ),
    subAccount: (organizationId: string, code: string, nameZh: string, nameEn?: string) =>
      ok(
        declareSubAccount(context, {
          ...envelope(),
          occurredOn: '2020-01-01',
          input: { organizationId, code, nameZh, ...(nameEn === undefined ? {} : { nameEn }) },
        }),
      ),
    overdraft: (organizationId: string, account = '102') =>
      ok(allowBankOverdraft(context, { ...envelope(), occurredOn: '2020-01-01', input: { organizationId, account } })),
    voucher: (organizationId: string, voucherNo: string, date: string, lines: readonly Line[]) =>
      ok(
        postVoucher(context, {
          ...envelope(),
          input: {
            organizationId,
            voucherNo,
            date,
            summary: `凭证 ${voucherNo}`,
            lines: lines.map(([account, side, amount]) => ({ account, side, amount })),
          },
        }),
      ),
    close: (organizationId: string, year: number) => ok(closeYear(context, { ...envelope(), input: { organizationId, year } })),
    statements: async (window: Window) => (await runProjection(store, reportsCatalog, statementsProjection(window), { asOf: window.to })).state,
  };
};

export type ReportBooks = ReturnType<typeof reportBooks>;

/**
 * The hand-worked books of docs/reports.md and the example tests: district d
 * (示范区) with township t (北格镇) holding village v (张家村), and township t2
 * (南营镇) holding village w (李家村).
 *
 * v, 2022: capital 50,000.00 into the bank, operating income 2,000.00, closed
 * (2,000.00 to 32203 未分配收益). v, 2023, five vouchers:
 *   记-1 02-01  Dr 151 30,000.00            Cr 102 30,000.00
 *   记-2 05-10  Dr 102 17,345.67            Cr 501 12,345.67, Cr 503 5,000.00
 *   记-3 06-30  Dr 513 1,500.00             Cr 152 1,500.00
 *   记-4 09-01  Dr 11301 800.00             Cr 11302 300.00, Cr 102 500.00
 *   记-5 12-20  Dr 32201 1,000.00, Dr 32202 2,000.00   Cr 311 1,000.00, Cr 211 2,000.00
 * w, 2023: 记-1 Dr 101 100.00 Cr 503 100.00; 记-2 Dr 102 500.00 Cr 113 500.00.
 * With `close`, 2023 is closed for both villages. `now` is the store's clock
 * (`recordedAt`); a fixed one makes the ledger the same bytes on every run.
 */
export const handWorkedBooks = async ({ close, now }: { readonly close: boolean } & InMemoryEventStoreOptions): Promise<ReportBooks> => {
  const books = reportBooks(now === undefined ? {} : { now });
  await books.organization('d', 'district', '示范区');
  await books.organization('t', 'township', '北格镇', 'd');
  await books.organization('v', 'village', '张家村', 't');
  await books.organization('t2', 'township', '南营镇', 'd');
  await books.organization('w', 'village', '李家村', 't2');
  await books.subAccount('v', '11301', '一组', 'Group 1');
  await books.subAccount('v', '11302', '二组', 'Group 2');
  await books.subAccount('v', '32201', '提取公积公益金', 'Reserve appropriation');
  await books.subAccount('v', '32202', '向成员分配', 'Distribution to members');
  await books.subAccount('v', '32203', '未分配收益', 'Undistributed income');
  await books.voucher('v', '记-1', '2022-01-10', [['102', 'debit', '50000.00'], ['301', 'credit', '50000.00']]);
  await books.voucher('v', '记-2', '2022-03-15', [['102', 'debit', '2000.00'], ['501', 'credit', '2000.00']]);
  await books.close('v', 2022);
  await books.voucher('v', '记-1', '2023-02-01', [['151', 'debit', '30000.00'], ['102', 'credit', '30000.00']]);
  await books.voucher('v', '记-2', '2023-05-10', [['102', 'debit', '17345.67'], ['501', 'credit', '12345.67'], ['503', 'credit', '5000.00']]);
  await books.voucher('v', '记-3', '2023-06-30', [['513', 'debit', '1500.00'], ['152', 'credit', '1500.00']]);
  await books.voucher('v', '记-4', '2023-09-01', [['11301', 'debit', '800.00'], ['11302', 'credit', '300.00'], ['102', 'credit', '500.00']]);
  await books.voucher('v', '记-5', '2023-12-20', [
    ['32201', 'debit', '1000.00'],
    ['32202', 'debit', '2000.00'],
    ['311', 'credit', '1000.00'],
    ['211', 'credit', '2000.00'],
  ]);
  await books.voucher('w', '记-1', '2023-03-03', [['101', 'debit', '100.00'], ['503', 'credit', '100.00']]);
  await books.voucher('w', '记-2', '2023-04-04', [['102', 'debit', '500.00'], ['113', 'credit', '500.00']]);
  if (close) {
    await books.close('v', 2023);
    await books.close('w', 2023);
  }
  return books;
};
