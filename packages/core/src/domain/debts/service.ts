import type * as t from 'io-ts';
import { defineCommand, type CommandOutcome, type DeclaredCommand } from '../../kernel/command.js';
import type { FactReader } from '../../kernel/fact-reader.js';
import type { LedgerError } from '../ledger/errors.js';
import { ledgerStream, type LedgerEvent } from '../ledger/events.js';
import { ledgerYearDecider, type SubLedgerOperation } from '../ledger/ledger-year.js';
import { openingOf } from '../ledger/opening.js';
import { loadVillageBooks } from '../ledger/service.js';
import { subLedgers } from '../sub-ledgers.js';
import type { DebtError } from './errors.js';
import type { DebtEvent } from './events.js';
import { OffsetDebtInput, RecordDebtInput, RepayDebtInput, RestructureDebtInput, WriteOffDebtInput, type DebtInputs } from './inputs.js';

const factsOf = async (organizationId: string, reader: FactReader, date: string) => ({
  ...(await loadVillageBooks(reader, organizationId)),
  opening: await openingOf(reader, subLedgers, organizationId, Number(date.slice(0, 4))),
});

const codecs = {
  RecordDebt: RecordDebtInput,
  RepayDebt: RepayDebtInput,
  RestructureDebt: RestructureDebtInput,
  OffsetDebt: OffsetDebtInput,
  WriteOffDebt: WriteOffDebtInput,
} as const;

type DebtCommand<K extends keyof DebtInputs> = DeclaredCommand<t.OutputOf<(typeof codecs)[K]>, DebtEvent | LedgerEvent, DebtError | LedgerError>;

/**
 * A debt operation, declared: decided on the ledger-year stream of its
 * business date, against the register as the year opened (the last close)
 * and the year's own debt events; its voucher, if any, is appended with its events.
 */
const debtCommand = <K extends keyof DebtInputs>(type: K, dateOf: (input: DebtInputs[K]) => string): DebtCommand<K> =>
  defineCommand({
    name: type,
    input: codecs[type] as unknown as t.Type<DebtInputs[K], t.OutputOf<(typeof codecs)[K]>>,
    stream: (input) => ledgerStream(input.organizationId, dateOf(input).slice(0, 4)),
    occurredOn: dateOf,
    facts: (input, reader, date) => factsOf(input.organizationId, reader, date),
    decider: (facts) => ledgerYearDecider<DebtEvent | LedgerEvent, DebtError | LedgerError>(subLedgers, facts.opening.registers),
    command: (input, { organizationKind, chart, opening }, date): SubLedgerOperation => ({
      type: 'SubLedgerOperation',
      subLedger: 'debts',
      command: { type, input },
      organizationId: input.organizationId,
      date,
      organizationKind,
      chart,
      carried: opening.balances,
    }),
  });

/** 不良债务登记, dated `recordedOn`. */
export const recordDebt = debtCommand('RecordDebt', (i) => i.recordedOn);

/** 偿还, dated `resolvedOn`. */
export const repayDebt = debtCommand('RepayDebt', (i) => i.resolvedOn);

/** 债务重组, dated `resolvedOn`. */
export const restructureDebt = debtCommand('RestructureDebt', (i) => i.resolvedOn);

/** 抵销, dated `resolvedOn`. */
export const offsetDebt = debtCommand('OffsetDebt', (i) => i.resolvedOn);

/** 核销, dated `resolvedOn`. */
export const writeOffDebt = debtCommand('WriteOffDebt', (i) => i.resolvedOn);

/** What a debt command returns: its events and voucher, or the refusal. */
export type DebtOutcome = CommandOutcome<DebtEvent | LedgerEvent, DebtError | LedgerError>;
