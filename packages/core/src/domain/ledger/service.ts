import * as t from 'io-ts';
import { isLeft, left, type Either } from 'fp-ts/lib/Either.js';
import { Id } from '../../codecs/primitives.js';
import type { CommandContext, CommandEnvelope, CommandResult } from '../../kernel/command-handler.js';
import { handleCommand } from '../../kernel/command-handler.js';
import type { DomainEvent } from '../../kernel/event.js';
import { decodeRecordedEvent } from '../../kernel/projection.js';
import { validateInput, type InvalidInput } from '../../kernel/validate.js';
import { loadOrganization } from '../organization/service.js';
import { loadChart } from './chart/index.js';
import { PostVoucherInput, type PreviousYear } from './commands.js';
import { ledgerDecider, type LedgerError } from './decider.js';
import { ledgerStream, type LedgerEvent } from './events.js';
import { FiscalYear } from './voucher-codec.js';

type Request = Omit<CommandEnvelope<unknown>, 'command' | 'occurredOn'> & { readonly input: unknown };
type Outcome = Either<LedgerError | InvalidInput, CommandResult<LedgerEvent>>;

/** How the year before was left: never kept, still open, or closed with its carried balances. */
const loadPreviousYear = async (context: CommandContext<DomainEvent>, organizationId: string, year: number): Promise<PreviousYear> => {
  let seen = false;
  for await (const recorded of context.store.readStream(ledgerStream(organizationId, year - 1))) {
    seen = true;
    const { event } = decodeRecordedEvent(context.catalog, recorded);
    if (event.type === 'YearClosed') {
      const data = (event as LedgerEvent & { type: 'YearClosed' }).data;
      return { status: 'closed', carried: new Map(data.carried.map((c) => [c.account, c.balance.toFen()])) };
    }
  }
  return seen ? { status: 'open' } : { status: 'none' };
};

const NOTHING_CARRIED: ReadonlyMap<string, bigint> = new Map();

/**
 * Post a voucher (记账凭证) into its village's ledger for the voucher's year.
 * The voucher is validated (shape, at least two lines, positive amounts, debits
 * equal credits) before anything is read; the organization and the village's
 * chart of accounts are read from their streams, and, only when a line is on
 * an account with sub-accounts, the balances the previous close carried (such
 * an account may only move a balance of its own into its sub-accounts); the
 * business date is the voucher date.
 */
export const postVoucher = async (context: CommandContext<DomainEvent>, request: Request): Promise<Outcome> => {
  const voucher = validateInput(PostVoucherInput, request.input);
  if (isLeft(voucher)) return left(voucher.left);
  const { organizationId, date } = voucher.right;
  const organization = await loadOrganization(context, organizationId);
  const chart = await loadChart(context, organizationId);
  const organizationKind = organization.status === 'registered' ? organization.organization.kind : undefined;
  const year = Number(date.slice(0, 4));
  const onParent = voucher.right.lines.some((line) => chart.has(line.account) && !chart.isLeaf(line.account));
  const previous = onParent ? await loadPreviousYear(context, organizationId, year) : undefined;
  const carried = previous?.status === 'closed' ? previous.carried : NOTHING_CARRIED;
  const { input: _raw, ...envelope } = request;
  return handleCommand(context as CommandContext<LedgerEvent>, ledgerDecider, ledgerStream(organizationId, year), {
    ...envelope,
    occurredOn: date,
    command: { type: 'PostVoucher', voucher: voucher.right, organizationKind, chart, carried },
  });
};

export const CloseYearInput = t.type({ organizationId: Id, year: FiscalYear });

/**
 * 年终结账: close a village's year. The closing entries are computed from the
 * year's vouchers and the balances the previous close carried; the year stream
 * then accepts no voucher, so no posting can land in a closed year. The
 * business date is 31 December of the year.
 */
export const closeYear = async (context: CommandContext<DomainEvent>, request: Request): Promise<Outcome> => {
  const input = validateInput(CloseYearInput, request.input);
  if (isLeft(input)) return left(input.left);
  const { organizationId, year } = input.right;
  const organization = await loadOrganization(context, organizationId);
  const organizationKind = organization.status === 'registered' ? organization.organization.kind : undefined;
  const chart = await loadChart(context, organizationId);
  const previousYear = await loadPreviousYear(context, organizationId, year);
  const { input: _raw, ...envelope } = request;
  return handleCommand(context as CommandContext<LedgerEvent>, ledgerDecider, ledgerStream(organizationId, year), {
    ...envelope,
    occurredOn: `${year}-12-31`,
    command: { type: 'CloseYear', organizationId, year, organizationKind, chart, previousYear },
  });
};
