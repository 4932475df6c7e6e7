import { left, type Either } from 'fp-ts/lib/Either.js';
import type { Chart } from '../ledger/chart/index.js';
import type { SubLedgerDecision } from '../ledger/sub-ledger.js';
import type { DebtRegister } from './debt-register.js';
import type { DebtError } from './errors.js';
import type { DebtEvent } from './events.js';

export type Decided = Either<DebtError, SubLedgerDecision<DebtEvent>>;

/** What every decision reads: the register as it stands, the chart, the business date and the voucher number to use. */
export interface DecisionContext {
  readonly organizationId: string;
  readonly register: DebtRegister;
  readonly chart: Chart;
  readonly date: string;
  readonly voucherNo: string;
}

export const refused = (error: DebtError): Either<DebtError, never> => left(error);
