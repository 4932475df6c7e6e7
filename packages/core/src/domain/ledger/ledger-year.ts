import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Decider, DomainError } from '../../kernel/decider.js';
import type { DomainEvent } from '../../kernel/event.js';
import type { OrganizationKind } from '../organization/events.js';
import type { Chart } from './chart/index.js';
import type { CloseYear, LedgerCommand } from './commands.js';
import { ledgerDecider } from './decider.js';
import { ledgerError } from './errors.js';
import type { YearClosed } from './events.js';
import { generatedVoucher, nextVoucherNo } from './generated-voucher.js';
import { evolveLedgerYear, initialLedgerYear, isLedgerEvent, type LedgerYearState } from './state.js';
import type { AnySubLedger, SubLedgerDecision } from './sub-ledger.js';
import type { VoucherOrigin } from './voucher-codec.js';

/** What a ledger year opens with: what the last close carried of each sub-ledger (by name), decoded. */
export type CarriedRegisters = Readonly<Partial<Record<VoucherOrigin, unknown>>>;

/** The ledger-year stream as one state: the ledger's own, and each sub-ledger's by name. */
export interface LedgerYearBooks {
  readonly ledger: LedgerYearState;
  readonly registers: Readonly<Partial<Record<VoucherOrigin, unknown>>>;
}

/** An operation of a sub-ledger, with the facts the ledger's rules need. */
export interface SubLedgerOperation {
  readonly type: 'SubLedgerOperation';
  readonly subLedger: VoucherOrigin;
  readonly command: unknown;
  readonly organizationId: string;
  readonly date: string;
  readonly organizationKind: OrganizationKind | undefined;
  readonly chart: Chart;
  /** The balances the year opens with (`YearOpening.balances`): a voucher may not overdraw cash or bank. */
  readonly carried: ReadonlyMap<string, bigint>;
}

/** The year-end close, with the next year's sub-ledger events that were decided while this year was still open. */
export interface CloseLedgerYear extends CloseYear {
  readonly nextYear: readonly DomainEvent[];
}

export type LedgerYearCommand = Exclude<LedgerCommand, CloseYear> | CloseLedgerYear | SubLedgerOperation;

const ownerOf = (subLedgers: readonly AnySubLedger[]): ReadonlyMap<string, AnySubLedger> =>
  new Map(subLedgers.flatMap((s) => (s.eventTypes as readonly string[]).map((type) => [type, s] as const)));

const withRegister = (books: LedgerYearBooks, name: VoucherOrigin, state: unknown): LedgerYearBooks => ({
  ledger: books.ledger,
  registers: { ...books.registers, [name]: state },
});

const foundKind = (kind: OrganizationKind | undefined): string => (kind === undefined ? 'not registered' : `a ${kind}`);

/**
 * One village's ledger for one year with its sub-ledgers plugged in: the
 * ledger's own rules (a village, an open year, voucher numbers unique in the
 * year, accounts that take postings) hold for every voucher a sub-ledger
 * generates, and an operation's events and its voucher are one append. The
 * close carries every sub-ledger's state into the next year, and re-checks
 * the next year's operations decided while this one was open.
 */
export const ledgerYearDecider = <E extends DomainEvent = DomainEvent, Err extends DomainError = DomainError>(
  subLedgers: readonly AnySubLedger[],
  opening: CarriedRegisters,
): Decider<LedgerYearCommand, E, LedgerYearBooks, Err> => {
  const owners = ownerOf(subLedgers);
  const byName = new Map(subLedgers.map((s) => [s.name, s] as const));
  const registerOf = (books: LedgerYearBooks, s: AnySubLedger): unknown => books.registers[s.name];

  const evolve = (books: LedgerYearBooks, event: DomainEvent): LedgerYearBooks => {
    if (isLedgerEvent(event)) {
      const ledger = evolveLedgerYear(books.ledger, event);
      return ledger === books.ledger ? books : { ledger, registers: books.registers };
    }
    const owner = owners.get(event.type);
    return owner === undefined ? books : withRegister(books, owner.name, owner.evolve(registerOf(books, owner), event));
  };

  const operate = (operation: SubLedgerOperation, books: LedgerYearBooks): Either<DomainError, readonly DomainEvent[]> => {
    const s = byName.get(operation.subLedger);
    if (s === undefined) throw new Error(`no sub-ledger ${operation.subLedger} is plugged into the ledger year`);
    const { command, organizationId, date, organizationKind, chart, carried } = operation;
    if (organizationKind !== 'village') return left(s.notVillage(command, foundKind(organizationKind)));
    if (books.ledger.closed !== undefined) return left(s.yearClosed(command, date.slice(0, 4)));
    const voucherNo = s.voucherNoOf(command) ?? nextVoucherNo(books.ledger, s.series);
    const decided = s.decide(command, registerOf(books, s), { organizationId, date, chart, ledger: books.ledger, voucherNo, registers: books.registers });
    if (decided._tag === 'Left') return decided;
    const { events, summary, postings } = decided.right as SubLedgerDecision<DomainEvent>;
    const header = { organizationId, voucherNo, date, summary, organizationKind, chart, carried, origin: s.name };
    const voucher = generatedVoucher(header, postings, books.ledger);
    return voucher._tag === 'Left' ? voucher : right([...events, ...voucher.right]);
  };

  /** The next year's events, folded onto what this close carries: the first that no longer holds refuses the close. */
  const recheckProblem = (command: CloseLedgerYear, carried: ReadonlyMap<VoucherOrigin, unknown>): string | undefined => {
    const states = new Map([...carried].map(([name, c]): [VoucherOrigin, unknown] => [name, byName.get(name)?.open(c)]));
    for (const event of command.nextYear) {
      const owner = owners.get(event.type);
      if (owner === undefined) continue;
      const state = states.get(owner.name);
      const problem = owner.recheck(state, event, Object.fromEntries(states));
      if (problem !== undefined) return `${event.type} of ${command.year + 1}: ${problem}`;
      states.set(owner.name, owner.evolve(state, event));
    }
    return undefined;
  };

  const close = (command: CloseLedgerYear, books: LedgerYearBooks): Either<DomainError, readonly DomainEvent[]> => {
    const closed = ledgerDecider.decide(command, books.ledger);
    if (closed._tag === 'Left') return closed;
    const carried = new Map(subLedgers.map((s) => [s.name, s.carry(registerOf(books, s))] as const));
    const registers = Object.fromEntries(subLedgers.map((s) => [s.name, s.carried.encode(carried.get(s.name))]));
    const problem = recheckProblem(command, carried);
    if (problem !== undefined) {
      return left(ledgerError('YEAR_CLOSE_CONFLICT', `year: closing ${command.year} of ${command.organizationId} would contradict ${problem}; correct ${command.year + 1} first`));
    }
    return right(closed.right.map((e) => (e.type === 'YearClosed' ? ({ ...e, data: { ...e.data, registers } } as YearClosed) : e)));
  };

  const decider: Decider<LedgerYearCommand, DomainEvent, LedgerYearBooks> = {
    initialState: () => ({
      ledger: initialLedgerYear(),
      registers: Object.fromEntries(subLedgers.map((s): [string, unknown] => [s.name, s.open(opening[s.name])])),
    }),
    evolve,
    decide: (command, books) => {
      if (command.type === 'SubLedgerOperation') return operate(command, books);
      if (command.type === 'CloseYear') return close(command, books);
      return ledgerDecider.decide(command, books.ledger);
    },
  };
  // The caller names the events and refusals its sub-ledger and the ledger produce (e.g. AssetEvent | LedgerEvent).
  return decider as unknown as Decider<LedgerYearCommand, E, LedgerYearBooks, Err>;
};
