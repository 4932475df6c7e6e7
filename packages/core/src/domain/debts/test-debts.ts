import { isLeft } from 'fp-ts/lib/Either.js';
import { specFor } from '@collective-ledger/testing';
import type * as t from 'io-ts';
import type { EventDefinition } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import { decoded } from '../../test-support/decoded.js';
import { operationOf, posted, voucherOf, type Line, type OperationFacts } from '../../test-support/ledger-year.js';
import type { LedgerError } from '../ledger/errors.js';
import type { LedgerEvent } from '../ledger/events.js';
import { ledgerYearDecider, type SubLedgerOperation } from '../ledger/ledger-year.js';
import { testLedger } from '../ledger/test-ledger.js';
import { subLedgers } from '../sub-ledgers.js';
import type { DebtError } from './errors.js';
import type { DebtEvent } from './events.js';
import { OffsetDebtInput, RecordDebtInput, RepayDebtInput, RestructureDebtInput, WriteOffDebtInput, type DebtInputs } from './inputs.js';
import { offsetDebt, recordDebt, repayDebt, restructureDebt, writeOffDebt, type DebtOutcome } from './service.js';

/*
 * Given/when/then for the debt register as it is decided, on village `v`'s
 * ledger year opened with nothing carried, and the register's services on
 * the books of testLedger. For tests.
 */

export type YearEvent = DebtEvent | LedgerEvent;

const spec = specFor(ledgerYearDecider<YearEvent, DebtError | LedgerError>(subLedgers, {}));

/** `given(...events).when(command)` on a ledger year that opened with an empty register. */
export const given = (...history: readonly YearEvent[]) => spec(history);

const INPUTS: { readonly [K in keyof DebtInputs]: t.Type<DebtInputs[K], unknown> } = {
  RecordDebt: RecordDebtInput,
  RepayDebt: RepayDebtInput,
  RestructureDebt: RestructureDebtInput,
  OffsetDebt: OffsetDebtInput,
  WriteOffDebt: WriteOffDebtInput,
};

const dateOf = (type: keyof DebtInputs, input: { recordedOn?: string; resolvedOn?: string }): string => (type === 'RecordDebt' ? input.recordedOn : input.resolvedOn) ?? '';

/** The debt operation `type` with this plain-JSON input (of `v` unless it names another organization), decoded. */
export const debtOperation = (type: keyof DebtInputs, input: object, facts: OperationFacts = {}): SubLedgerOperation => {
  const codec = INPUTS[type] as t.Type<unknown>;
  const value = decoded(codec, { organizationId: 'v', ...input }) as { recordedOn?: string; resolvedOn?: string };
  return operationOf('debts', { type, input: value }, dateOf(type, value), facts);
};

/** A debt event of `v` from its data as JSON. */
export const debtEvent = <Type extends DebtEvent['type'], Data>(definition: EventDefinition<Type, Data>, data: object): DomainEvent<Type, Data> => ({
  type: definition.type,
  data: decoded(definition.codec, { organizationId: 'v', ...data }),
});

/** A voucher the debt register generated. */
export const generated = (voucherNo: string, date: string, summary: string, lines: readonly Line[]): LedgerEvent =>
  posted(voucherOf(voucherNo, date, lines, { summary, origin: 'debts' }));

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
