import { defineCommand, type CommandOutcome } from '../../kernel/command.js';
import type { FactReader } from '../../kernel/fact-reader.js';
import { loadChart } from '../ledger/chart/index.js';
import type { LedgerError } from '../ledger/errors.js';
import { ledgerStream, type LedgerEvent } from '../ledger/events.js';
import type { ShareError } from './errors.js';
import type { DistributionEvent } from './events.js';
import { ledgerYearDecider, type SubLedgerOperation } from '../ledger/ledger-year.js';
import { openingOf, type YearOpening } from '../ledger/opening.js';
import { evolveLedgerYear, initialLedgerYear, isLedgerEvent } from '../ledger/state.js';
import { subLedgers } from '../sub-ledgers.js';
import { DistributeIncomeInput, PayDividendsInput, type ClosedYearBooks, type DistributionCommand } from './commands.js';
import { loadShareRegister, loadVillage } from './load.js';

const LEDGER_TYPES: ReadonlySet<string> = new Set(['VoucherPosted', 'YearClosed']);

/** The year a plan distributes, as it reads it: the close, and the net movement of every account its vouchers posted to. */
const loadClosedYear = async (reader: FactReader, organizationId: string, year: number): Promise<ClosedYearBooks> => {
  const state = await reader.fold(ledgerStream(organizationId, year), initialLedgerYear(), (s, e) => (isLedgerEvent(e) ? evolveLedgerYear(s, e) : s), LEDGER_TYPES);
  return { closed: state.closed, movements: state.movements };
};

const operation = (command: DistributionCommand, date: string, opening: YearOpening): SubLedgerOperation => ({
  type: 'SubLedgerOperation',
  subLedger: 'shares',
  command,
  organizationId: command.input.organizationId,
  date,
  organizationKind: command.organizationKind,
  chart: command.chart,
  carried: opening.balances,
});

/**
 * 收益分配: distribute a closed year's income by a plan the members' assembly
 * approved in the following year, dated `approvedOn`. The village, its chart,
 * the closed year's books and the share register are read, and the plan is
 * decided on the ledger year of its approval, where its events and voucher
 * are appended together.
 */
export const distributeIncome = defineCommand({
  name: 'DistributeIncome',
  input: DistributeIncomeInput,
  stream: (input) => ledgerStream(input.organizationId, input.approvedOn.slice(0, 4)),
  occurredOn: (input) => input.approvedOn,
  facts: async (input, reader) => {
    const { organizationKind, members } = await loadVillage(reader, input.organizationId);
    const approvedIn = Number(input.approvedOn.slice(0, 4));
    return {
      organizationKind,
      members,
      chart: await loadChart(reader, input.organizationId),
      books: await loadClosedYear(reader, input.organizationId, input.year),
      shares: await loadShareRegister(reader, input.organizationId),
      opening: await openingOf(reader, subLedgers, input.organizationId, approvedIn),
    };
  },
  decider: (facts) => ledgerYearDecider<DistributionEvent | LedgerEvent, ShareError | LedgerError>(subLedgers, facts.opening.registers),
  command: (input, { organizationKind, members, chart, books, shares, opening }, date) =>
    operation({ type: 'DistributeIncome', input, organizationKind, chart, books, shares, members }, date, opening),
});

/**
 * 发放分红: pay declared dividends on `paidOn`, from cash or bank; decided on
 * the ledger year of the payment, against the dividends the last close
 * carried as unpaid and those declared in the year itself.
 */
export const payDividends = defineCommand({
  name: 'PayDividends',
  input: PayDividendsInput,
  stream: (input) => ledgerStream(input.organizationId, input.paidOn.slice(0, 4)),
  occurredOn: (input) => input.paidOn,
  facts: async (input, reader) => ({
    organizationKind: (await loadVillage(reader, input.organizationId)).organizationKind,
    chart: await loadChart(reader, input.organizationId),
    opening: await openingOf(reader, subLedgers, input.organizationId, Number(input.paidOn.slice(0, 4))),
  }),
  decider: (facts) => ledgerYearDecider<DistributionEvent | LedgerEvent, ShareError | LedgerError>(subLedgers, facts.opening.registers),
  command: (input, { organizationKind, chart, opening }, date) => operation({ type: 'PayDividends', input, organizationKind, chart }, date, opening),
});

/** What a distribution or a payment returns: its events and voucher, or the refusal. */
export type DistributionOutcome = CommandOutcome<DistributionEvent | LedgerEvent, ShareError | LedgerError>;
