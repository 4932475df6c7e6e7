import type * as t from 'io-ts';
import type { CommandOutcome, DeclaredCommand } from '../../kernel/command.js';
import type { LedgerError } from '../ledger/errors.js';
import type { LedgerEvent } from '../ledger/events.js';
import { subLedgerCommand } from '../sub-ledger-command.js';
import type { DebtError } from './errors.js';
import type { DebtEvent } from './events.js';
import { OffsetDebtInput, RecordDebtInput, RepayDebtInput, RestructureDebtInput, WriteOffDebtInput, type DebtInputs } from './inputs.js';

const codecs = {
  RecordDebt: RecordDebtInput,
  RepayDebt: RepayDebtInput,
  RestructureDebt: RestructureDebtInput,
  OffsetDebt: OffsetDebtInput,
  WriteOffDebt: WriteOffDebtInput,
} as const;

type DebtCommand<K extends keyof DebtInputs> = DeclaredCommand<t.OutputOf<(typeof codecs)[K]>, DebtEvent | LedgerEvent, DebtError | LedgerError>;

/** A debt operation, declared (`subLedgerCommand`). */
const debtCommand = <K extends keyof DebtInputs>(type: K, dateOf: (input: DebtInputs[K]) => string): DebtCommand<K> =>
  subLedgerCommand<DebtInputs[K], t.OutputOf<(typeof codecs)[K]>, DebtEvent, DebtError>(
    'debts',
    type,
    codecs[type] as unknown as t.Type<DebtInputs[K], t.OutputOf<(typeof codecs)[K]>>,
    dateOf,
  );

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
