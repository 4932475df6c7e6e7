import { isLeft } from 'fp-ts/lib/Either.js';
import type { DomainEvent } from '../kernel/event.js';
import { carriedSoFar } from '../domain/ledger/carried-so-far.js';
import type { PreviousYear } from '../domain/ledger/commands.js';
import type { YearClosed } from '../domain/ledger/events.js';
import { ledgerYearDecider, type CarriedRegisters, type LedgerYearBooks } from '../domain/ledger/ledger-year.js';
import { isLedgerEvent } from '../domain/ledger/state.js';
import type { AnySubLedger } from '../domain/ledger/sub-ledger.js';
import type { VoucherOrigin } from '../domain/ledger/voucher-codec.js';

/** One village's ledger year as the check has read it so far. */
export interface LedgerYear<Operation> {
  readonly village: string;
  readonly year: number;
  books: LedgerYearBooks;
  previous: PreviousYear;
  /** The registers the year opened with: what the last close carried, or the open year before as it stood. */
  opening: CarriedRegisters;
  /** The sub-ledger operation whose events are read and whose voucher is awaited. */
  operation: Operation | undefined;
  /** Sub-ledger events of this year recorded while the year before was still open: its close re-checks them. */
  beforePreviousClosed: DomainEvent[] | undefined;
}

const NOTHING_CARRIED: ReadonlyMap<string, bigint> = new Map();

const carriedBalances = (close: YearClosed['data']): ReadonlyMap<string, bigint> => new Map(close.carried.map((c) => [c.account, c.balance.toFen()]));

/**
 * Every village's ledger years, folded in the order their events were
 * recorded, each opening as a command would see it: from the last close (its
 * balances and carried registers) or, while the year before is open, from
 * that year as it stands; when that year closes, the next opens anew from
 * what the close carried.
 */
export class LedgerYears<Operation> {
  private readonly years = new Map<string, Map<number, LedgerYear<Operation>>>();
  readonly decider: ReturnType<typeof ledgerYearDecider>;

  constructor(private readonly subLedgers: readonly AnySubLedger[]) {
    this.decider = ledgerYearDecider(subLedgers, {});
  }

  *all(): Iterable<LedgerYear<Operation>> {
    for (const years of this.years.values()) yield* years.values();
  }

  get(village: string, year: number): LedgerYear<Operation> | undefined {
    return this.years.get(village)?.get(year);
  }

  /** The year, opened from the years before it when it is new. */
  of(village: string, year: number): LedgerYear<Operation> {
    let years = this.years.get(village);
    if (years === undefined) {
      years = new Map();
      this.years.set(village, years);
    }
    const known = years.get(year);
    if (known !== undefined) return known;
    const before = [...years.values()].filter((y) => y.year < year).sort((a, b) => b.year - a.year)[0];
    const opened = this.opened(village, year, before);
    years.set(year, opened);
    return opened;
  }

  /** Fold an event into its year; a close opens the next year anew from what it carries. */
  apply(books: LedgerYear<Operation>, event: DomainEvent): void {
    if (books.books.ledger.closed !== undefined) return;
    books.books = this.decider.evolve(books.books, event);
    if (books.beforePreviousClosed !== undefined && !isLedgerEvent(event)) books.beforePreviousClosed.push(event);
    if (event.type === 'YearClosed') this.closed(books, event as YearClosed);
  }

  /**
   * The balances the year opens with, as a command reads them now: what the
   * last close carried or, while the year before is open, `carriedSoFar`
   * from that year as it stands.
   */
  balancesInto(books: LedgerYear<Operation>): ReadonlyMap<string, bigint> {
    const { previous } = books;
    if (previous.status === 'closed') return previous.carried;
    const before = previous.status === 'open' ? this.get(books.village, previous.year) : undefined;
    return before === undefined ? NOTHING_CARRIED : carriedSoFar(this.balancesInto(before), before.books.ledger.movements);
  }

  /** A year begun while the one before is open opens from that year as it stands now. */
  refresh(books: LedgerYear<Operation>): void {
    if (books.beforePreviousClosed === undefined || books.previous.status !== 'open') return;
    const before = this.get(books.village, books.previous.year);
    if (before === undefined) return;
    this.refresh(before);
    books.opening = this.registersOf(before, undefined);
    this.refold(books);
  }

  private closed(books: LedgerYear<Operation>, close: YearClosed): void {
    const next = this.get(books.village, books.year + 1);
    if (next === undefined) return;
    next.previous = { status: 'closed', year: books.year, carried: carriedBalances(close.data) };
    next.opening = this.registersOf(books, close);
    this.refold(next);
    next.beforePreviousClosed = undefined;
  }

  private opened(village: string, year: number, before: LedgerYear<Operation> | undefined): LedgerYear<Operation> {
    const close = before?.books.ledger.closed;
    const previous: PreviousYear =
      before === undefined ? { status: 'none' } : close === undefined ? { status: 'open', year: before.year } : { status: 'closed', year: before.year, carried: carriedBalances(close) };
    const opening = before === undefined ? {} : this.registersOf(before, undefined);
    return {
      village,
      year,
      books: { ledger: this.decider.initialState().ledger, registers: this.openRegisters(opening) },
      previous,
      opening,
      operation: undefined,
      beforePreviousClosed: previous.status === 'open' ? [] : undefined,
    };
  }

  private openRegisters(opening: CarriedRegisters): LedgerYearBooks['registers'] {
    return Object.fromEntries(this.subLedgers.map((s): [string, unknown] => [s.name, s.open(opening[s.name])]));
  }

  /**
   * What a year carries into the next: the registers its close recorded
   * (decoded), or, for an open year or a close recorded without them, its
   * registers as they stand.
   */
  private registersOf(books: LedgerYear<Operation>, close: YearClosed | undefined): CarriedRegisters {
    const recorded = close?.data.registers;
    const carried: Partial<Record<VoucherOrigin, unknown>> = {};
    for (const s of this.subLedgers) {
      const decoded = recorded === undefined ? undefined : s.carried.decode(recorded[s.name]);
      carried[s.name] = decoded !== undefined && !isLeft(decoded) ? decoded.right : s.carry(books.books.registers[s.name]);
    }
    return carried;
  }

  private refold(books: LedgerYear<Operation>): void {
    let folded: LedgerYearBooks = { ledger: books.books.ledger, registers: this.openRegisters(books.opening) };
    for (const event of books.beforePreviousClosed ?? []) folded = this.decider.evolve(folded, event);
    books.books = folded;
  }
}
