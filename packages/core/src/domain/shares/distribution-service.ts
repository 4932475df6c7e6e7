import { isLeft, left, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext, CommandEnvelope, CommandResult } from '../../kernel/command-handler.js';
import { handleCommand } from '../../kernel/command-handler.js';
import type { DomainEvent } from '../../kernel/event.js';
import { decodeRecordedEvent } from '../../kernel/decode.js';
import { validateInput, type InvalidInput } from '../../kernel/validate.js';
import { loadChart } from '../ledger/chart/index.js';
import type { LedgerError } from '../ledger/errors.js';
import { ledgerStream, type LedgerEvent } from '../ledger/events.js';
import { evolveLedgerYear, initialLedgerYear } from '../ledger/state.js';
import { DistributeIncomeInput, PayDividendsInput, type ClosedYearBooks, type EarlierDividends } from './commands.js';
import type { DividendsDeclaredData, DividendsPaidData } from './distribution-events.js';
import { distributionDecider } from './distribution-decider.js';
import type { ShareError } from './errors.js';
import type { DistributionEvent } from './events.js';
import { loadShareRegister, loadVillage } from './load.js';

type Request = Omit<CommandEnvelope<unknown>, 'command' | 'occurredOn'> & { readonly input: unknown };
export type DistributionOutcome = Either<ShareError | LedgerError | InvalidInput, CommandResult<DistributionEvent | LedgerEvent>>;

/** The year's ledger as the plan reads it: the close, and the net movement of every account its vouchers posted to. */
const loadClosedYear = async (context: CommandContext<DomainEvent>, organizationId: string, year: number): Promise<ClosedYearBooks> => {
  let state = initialLedgerYear();
  for await (const recorded of context.store.readStream(ledgerStream(organizationId, year))) {
    if (recorded.type !== 'VoucherPosted' && recorded.type !== 'YearClosed') continue;
    state = evolveLedgerYear(state, decodeRecordedEvent(context.catalog, recorded).event);
  }
  return { closed: state.closed, movements: state.movements };
};

/**
 * 收益分配: distribute a closed year's income by a plan the members' assembly
 * approved in the following year. The input is validated first; then the
 * village, its chart, the closed year's books and the share register are
 * read, and the plan is decided on the ledger year of its approval, where its
 * events and voucher are appended together.
 */
export const distributeIncome = async (context: CommandContext<DomainEvent>, request: Request): Promise<DistributionOutcome> => {
  const valid = validateInput(DistributeIncomeInput, request.input);
  if (isLeft(valid)) return left(valid.left);
  const input = valid.right;
  const { organizationKind, members } = await loadVillage(context, input.organizationId);
  const chart = await loadChart(context, input.organizationId);
  const books = await loadClosedYear(context, input.organizationId, input.year);
  const shares = await loadShareRegister(context, input.organizationId);
  const { input: _raw, ...envelope } = request;
  return handleCommand(context as CommandContext<DistributionEvent | LedgerEvent>, distributionDecider, ledgerStream(input.organizationId, input.approvedOn.slice(0, 4)), {
    ...envelope,
    occurredOn: input.approvedOn,
    command: { type: 'DistributeIncome', input, organizationKind, chart, books, shares, members },
  });
};

/** The declaration and payments of `year`'s dividends in the ledger years from the one after it up to (not including) `before`. */
const loadEarlierDividends = async (context: CommandContext<DomainEvent>, organizationId: string, year: number, before: number): Promise<EarlierDividends> => {
  let declared: DividendsDeclaredData | undefined;
  const paid: DividendsPaidData[] = [];
  for (let y = year + 1; y < before; y += 1) {
    for await (const recorded of context.store.readStream(ledgerStream(organizationId, y))) {
      if (recorded.type !== 'DividendsDeclared' && recorded.type !== 'DividendsPaid') continue;
      const { event } = decodeRecordedEvent(context.catalog, recorded) as { event: DistributionEvent };
      if (event.type === 'DividendsDeclared' && event.data.year === year) declared = event.data;
      if (event.type === 'DividendsPaid' && event.data.year === year) paid.push(event.data);
    }
  }
  return { declared, paid };
};

/** 发放分红: pay declared dividends on `paidOn`, from cash or bank; decided on the ledger year of the payment. */
export const payDividends = async (context: CommandContext<DomainEvent>, request: Request): Promise<DistributionOutcome> => {
  const valid = validateInput(PayDividendsInput, request.input);
  if (isLeft(valid)) return left(valid.left);
  const input = valid.right;
  const { organizationKind } = await loadVillage(context, input.organizationId);
  const chart = await loadChart(context, input.organizationId);
  const paidYear = Number(input.paidOn.slice(0, 4));
  const earlier = await loadEarlierDividends(context, input.organizationId, input.year, paidYear);
  const { input: _raw, ...envelope } = request;
  return handleCommand(context as CommandContext<DistributionEvent | LedgerEvent>, distributionDecider, ledgerStream(input.organizationId, paidYear), {
    ...envelope,
    occurredOn: input.paidOn,
    command: { type: 'PayDividends', input, organizationKind, chart, earlier },
  });
};
