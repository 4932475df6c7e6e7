import type * as t from 'io-ts';
import type { Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../kernel/decider.js';
import type { DomainEvent } from '../../kernel/event.js';
import type { Chart } from './chart/index.js';
import type { Posting } from './generated-voucher.js';
import type { LedgerYearState } from './state.js';
import type { VoucherOrigin } from './voucher-codec.js';

/** What a sub-ledger operation decides: its events, and the voucher lines they imply (no lines, no voucher). */
export interface SubLedgerDecision<E extends DomainEvent> {
  readonly events: readonly E[];
  readonly summary: string;
  readonly postings: readonly Posting[];
}

/**
 * The journal lines a recorded event implies, read from the event and the
 * state it applies to: what the voucher generated with it must post.
 * `complete: false` when the event names only some of the accounts (the
 * others, a reserve or a clearing account, are the operation's choice and
 * not recorded in the event): only the accounts named are then checked.
 */
export interface ImpliedLines {
  readonly lines: readonly Posting[];
  readonly complete: boolean;
}

/** The year an operation is decided in, as the ledger sees it: the village, the chart, the date, the voucher number to use. */
export interface LedgerYearView {
  readonly organizationId: string;
  readonly date: string;
  readonly chart: Chart;
  readonly ledger: LedgerYearState;
  /** The number the operation's voucher gets: the one it named, or the next free one of the series. */
  readonly voucherNo: string;
  /** Every sub-ledger's state on the year, by name: another register read as it stands (a contract's subject on the asset register). */
  readonly registers: YearRegisters;
}

/** The sub-ledgers' states on a ledger year, by name. */
export type YearRegisters = Readonly<Partial<Record<VoucherOrigin, unknown>>>;

/**
 * A register kept on the ledger-year stream beside the vouchers (the asset
 * register, the distribution of income): it owns some event types, folds
 * them into its own state, and decides operations whose vouchers the ledger
 * checks and appends with them. The year-end close carries its state into
 * the next year (`carry`), so a decision reads its own year and the last
 * close, never the years before.
 */
export interface SubLedger<Command, E extends DomainEvent, State, Err extends DomainError, Carried> {
  /** The voucher origin of its vouchers, and its key in a close's `registers`. */
  readonly name: VoucherOrigin;
  /** Its voucher series in a year: `资-` gives 资-001, 资-002, … */
  readonly series: string;
  readonly eventTypes: readonly E['type'][];
  /** What a close carries of it, as JSON in `YearClosed.registers[name]`. */
  readonly carried: t.Type<Carried, unknown>;
  /** The state a year opens with: what the last close carried, or nothing for the first year. */
  readonly open: (carried: Carried | undefined) => State;
  /** What the close of a year carries into the next one. */
  readonly carry: (state: State) => Carried;
  readonly evolve: (state: State, event: E) => State;
  readonly decide: (command: Command, state: State, year: LedgerYearView) => Either<Err, SubLedgerDecision<E>>;
  /**
   * An event of the next year that was decided while this year was open,
   * checked again against the state the close carries: a refusal names why
   * it no longer holds.
   */
  readonly recheck: (state: State, event: E, registers: YearRegisters) => string | undefined;
  /** The voucher lines a recorded event implies (checked when a ledger is imported or verified). */
  readonly impliedLines: (state: State, event: E) => ImpliedLines;
  /** The voucher number the command names, if it names one. */
  readonly voucherNoOf: (command: Command) => string | undefined;
  /** The refusal for an organization that is not a village (`found` says what it is). */
  readonly notVillage: (command: Command, found: string) => Err;
  /** The refusal for an operation dated in a closed year. */
  readonly yearClosed: (command: Command, year: string) => Err;
}

/** A sub-ledger whose types are not known here: the ledger year holds several. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sub-ledger keeps its own types
export type AnySubLedger = SubLedger<any, any, any, any, any>;

/** Every event type the sub-ledgers own. */
export const subLedgerEventTypes = (subLedgers: readonly AnySubLedger[]): ReadonlySet<string> =>
  new Set(subLedgers.flatMap((s): readonly string[] => s.eventTypes as readonly string[]));
