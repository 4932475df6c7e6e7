import { isLeft } from 'fp-ts/lib/Either.js';
import { testLedger } from '../ledger/test-ledger.js';
import { offsetDebt, recordDebt, repayDebt, restructureDebt, writeOffDebt, type DebtOutcome } from './service.js';

/** A bank loan of 10,000.00 owed since 2019, on 201, identified on 2023-02-01 (the input of RecordDebt). */
export const bankLoan = (debtId = 'd1', extra: object = {}) => ({
  debtId,
  creditor: { name: '农商银行', kind: 'bank' },
  origin: 'borrowing',
  account: '201',
  amount: '10000.00',
  recordedOn: '2023-02-01',
  incurredOn: '2019-05-01',
  ...extra,
});

const services = { record: recordDebt, repay: repayDebt, restructure: restructureDebt, offset: offsetDebt, writeOff: writeOffDebt } as const;
export type DebtService = keyof typeof services;

/** testLedger's books with 50,000.00 in the bank (and 50,000.00 on 201, the loan) and the debt services bound to village `v`. */
export const testDebts = async () => {
  const books = await testLedger();
  const opened = await books.voucher('记-001', '2023-01-05', [['102', 'debit', '50000.00'], ['201', 'credit', '50000.00']]);
  if (isLeft(opened)) throw new Error(opened.left.message);
  let n = 0;
  const run = (service: DebtService, input: object): Promise<DebtOutcome> =>
    services[service](books.context, { commandId: `d-${(n += 1)}`, actor: '会计', input: { organizationId: 'v', ...input } as never });
  const ok = async (service: DebtService, input: object) => {
    const result = await run(service, input);
    if (isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
    return result.right;
  };
  return { ...books, run, ok };
};
