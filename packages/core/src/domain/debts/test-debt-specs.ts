import { specFor } from '@collective-ledger/testing';
import type * as t from 'io-ts';
import type { EventDefinition } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import { decoded } from '../../test-support/decoded.js';
import { operationOf, posted, voucherOf, type Line, type OperationFacts } from '../../test-support/ledger-year.js';
import type { LedgerError } from '../ledger/errors.js';
import type { LedgerEvent } from '../ledger/events.js';
import { ledgerYearDecider, type SubLedgerOperation } from '../ledger/ledger-year.js';
import { subLedgers } from '../sub-ledgers.js';
import type { DebtError } from './errors.js';
import type { DebtEvent } from './events.js';
import { OffsetDebtInput, RecordDebtInput, RepayDebtInput, RestructureDebtInput, WriteOffDebtInput, type DebtInputs } from './inputs.js';

/*
 * Given/when/then for the debt register as it is decided, on village `v`'s
 * ledger year opened with nothing carried. For tests.
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

