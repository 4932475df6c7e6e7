import { isLeft } from 'fp-ts/lib/Either.js';
import type { DomainEvent } from '../kernel/event.js';
import { ledgerDecider } from '../domain/ledger/decider.js';
import type { VoucherPosted, YearClosed } from '../domain/ledger/events.js';
import type { Posting } from '../domain/ledger/generated-voucher.js';
import type { LedgerYearCommand } from '../domain/ledger/ledger-year.js';
import type { AnySubLedger } from '../domain/ledger/sub-ledger.js';
import { ORIGIN_REGISTER } from '../domain/ledger/voucher-codec.js';
import { asDecided, type BooksFacts } from './decided.js';
import { firstDifference } from './difference.js';
import { LedgerYears, type LedgerYear } from './ledger-years.js';
import { broken, refused, type BookProblem } from './problem.js';
import { voucherGaps } from './voucher-gaps.js';

/** A problem found later than the event that caused it (a generated voucher missing): it names that event. */
export interface LateProblem<Ref> {
  readonly problem: BookProblem;
  readonly ref: Ref;
}

/** The events of one sub-ledger operation seen so far on a stream, waiting for the voucher appended with them. */
interface Operation<Ref> {
  readonly subLedger: AnySubLedger;
  readonly commandId: string | undefined;
  readonly ref: Ref;
  readonly lines: Posting[];
  complete: boolean;
  readonly voucherNos: Set<string>;
}

type Year<Ref> = LedgerYear<Operation<Ref>>;

/** An event of a ledger-year stream to check: its village and year (from the stream's name), when and by which command it was recorded, and where it is. */
export interface LedgerEntry<Ref> {
  readonly village: string;
  readonly year: number;
  readonly event: DomainEvent;
  readonly occurredOn: string;
  readonly commandId: string | undefined;
  readonly ref: Ref;
}

const dataOf = (event: DomainEvent): Readonly<Record<string, unknown>> => event.data as Readonly<Record<string, unknown>>;

/** The fiscal year an event of a ledger-year stream belongs to: a voucher's date, a close's year, otherwise its business date. */
const yearOfEvent = (event: DomainEvent, occurredOn: string): number => {
  if (event.type === 'VoucherPosted') return Number((event as VoucherPosted).data.date.slice(0, 4));
  if (event.type === 'YearClosed') return (event as YearClosed).data.year;
  return Number(occurredOn.slice(0, 4));
};

/** Net fen per account (debit positive). */
const netOf = (lines: readonly Pick<Posting, 'account' | 'side' | 'fen'>[]): Map<string, bigint> => {
  const net = new Map<string, bigint>();
  for (const line of lines) net.set(line.account, (net.get(line.account) ?? 0n) + (line.side === 'debit' ? line.fen : -line.fen));
  return net;
};

const yuan = (fen: bigint): string => {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/** Where a voucher's lines and the lines its operation implies part: the first account whose net movement differs. */
const linesDifference = (voucher: VoucherPosted, operation: Operation<unknown>): string | undefined => {
  const posted = netOf(voucher.data.lines.map((l) => ({ account: l.account, side: l.side, fen: l.amount.toFen() })));
  const implied = netOf(operation.lines);
  const accounts = operation.complete ? new Set([...implied.keys(), ...posted.keys()]) : new Set(implied.keys());
  for (const account of [...accounts].sort()) {
    const want = implied.get(account) ?? 0n;
    const got = posted.get(account) ?? 0n;
    if (want !== got) return `account ${account}: the voucher moves ${yuan(got)}, the events of ${ORIGIN_REGISTER[operation.subLedger.name]} imply ${yuan(want)} (debit positive)`;
  }
  return undefined;
};

const impliesLines = (operation: Operation<unknown>): boolean => [...netOf(operation.lines).values()].some((fen) => fen !== 0n) || operation.lines.some((l) => l.fen !== 0n);

/**
 * The rules of every `ledger-<village>-<year>` stream, read in the order the
 * events were recorded: a voucher is decided again by the ledger's own rules
 * (the village, the open year, a number free in the year, accounts that take
 * postings in the village's chart at that moment, debits equal to credits, a
 * reversal of a voucher that exists, cash and bank not overdrawn from the
 * balances the year opens with, as the command read them); a sub-ledger event must be a legal
 * transition of its register, and the voucher appended with it must post
 * the lines it implies; a close must be the close the rules compute from the
 * year's vouchers and registers, and nothing may follow it.
 */
export class LedgerRules<Ref> {
  private readonly years: LedgerYears<Operation<Ref>>;
  private readonly owners: ReadonlyMap<string, AnySubLedger>;

  constructor(subLedgers: readonly AnySubLedger[]) {
    this.owners = new Map(subLedgers.flatMap((s) => (s.eventTypes as readonly string[]).map((type) => [type, s] as const)));
    this.years = new LedgerYears(subLedgers);
  }

  private get decider() {
    return this.years.decider;
  }

  check(entry: LedgerEntry<Ref>, facts: BooksFacts): { readonly problems: readonly BookProblem[]; readonly late: readonly LateProblem<Ref>[] } {
    const books = this.years.of(entry.village, entry.year);
    const late = this.continues(books, entry) ? [] : this.settle(books);
    const problems = this.problemsOf(books, entry, facts);
    this.years.apply(books, entry.event);
    return { problems, late };
  }

  /** What is still open at the end: operations whose voucher never came, and gaps in voucher numbers. */
  finish(): { readonly late: readonly LateProblem<Ref>[]; readonly warnings: readonly { readonly village: string; readonly year: number; readonly problem: BookProblem }[] } {
    const late: LateProblem<Ref>[] = [];
    const warnings: { village: string; year: number; problem: BookProblem }[] = [];
    for (const books of this.years.all()) {
      late.push(...this.settle(books));
      for (const problem of voucherGaps(books.village, books.year, [...books.books.ledger.vouchers.keys()])) warnings.push({ village: books.village, year: books.year, problem });
    }
    return { late, warnings };
  }

  private problemsOf(books: Year<Ref>, entry: LedgerEntry<Ref>, facts: BooksFacts): BookProblem[] {
    const { village, year } = books;
    const { event } = entry;
    const eventYear = yearOfEvent(event, entry.occurredOn);
    if (eventYear !== year) return [broken('STREAM_YEAR', `a ${event.type} of ${eventYear} on the ledger stream of ${year}`)];
    if (books.books.ledger.closed !== undefined) return [broken('AFTER_YEAR_CLOSE', `${year} of ${village} is closed; nothing may be recorded after its close`)];
    if (event.type === 'VoucherPosted') return this.voucherProblems(books, event as VoucherPosted, facts);
    if (event.type === 'YearClosed') return this.closeProblems(books, event as YearClosed, facts);
    const owner = this.owners.get(event.type);
    if (owner === undefined) return [broken('STREAM_EVENT_TYPE', `a ${event.type} does not belong on a ledger-year stream`)];
    return this.operationProblems(books, owner, entry, facts);
  }

  private voucherProblems(books: Year<Ref>, voucher: VoucherPosted, facts: BooksFacts): BookProblem[] {
    const { village } = books;
    const origin = voucher.data.origin;
    const chart = facts.chartOf(village);
    const organizationKind = facts.kindOf(village);
    const carried = this.years.balancesInto(books);
    if (origin === undefined) {
      const command: LedgerYearCommand = { type: 'PostVoucher', voucher: voucher.data, organizationKind, chart, carried };
      return asDecided({ decide: this.decider.decide, command, state: books.books, recorded: voucher }, facts);
    }
    // A generated voucher: the ledger's rules as the sub-ledger applies them, then the lines its events imply.
    const decided = ledgerDecider.decide({ type: 'PostVoucher', voucher: voucher.data, organizationKind, chart, carried }, books.books.ledger);
    if (isLeft(decided)) return [refused(decided.left)];
    const operation = books.operation;
    books.operation = undefined;
    if (operation === undefined || operation.subLedger.name !== origin) {
      return [broken('GENERATED_VOUCHER_ALONE', `voucher ${voucher.data.voucherNo} says it was generated by ${ORIGIN_REGISTER[origin]}, but no event of it was recorded with the voucher`)];
    }
    const numbers = [...operation.voucherNos].filter((no) => no !== voucher.data.voucherNo);
    if (numbers.length > 0) return [broken('GENERATED_VOUCHER_MISMATCH', `voucher ${voucher.data.voucherNo}: the events of ${ORIGIN_REGISTER[origin]} recorded with it name voucher ${numbers.join(', ')}`)];
    const difference = linesDifference(voucher, operation);
    return difference === undefined ? [] : [broken('GENERATED_VOUCHER_MISMATCH', `voucher ${voucher.data.voucherNo}: ${difference}`)];
  }

  private operationProblems(books: Year<Ref>, owner: AnySubLedger, { event, commandId, ref }: LedgerEntry<Ref>, facts: BooksFacts): BookProblem[] {
    const kind = facts.kindOf(books.village);
    if (kind !== 'village') return [broken('ORGANIZATION_NOT_VILLAGE', `${books.village} is ${kind === undefined ? 'not registered' : `a ${kind}`}; only a village keeps a ${ORIGIN_REGISTER[owner.name]}`)];
    this.years.refresh(books);
    const state = books.books.registers[owner.name];
    const implied = owner.impliedLines(state, event);
    const operation = books.operation ?? { subLedger: owner, commandId, ref, lines: [], complete: true, voucherNos: new Set<string>() };
    books.operation = operation;
    operation.lines.push(...implied.lines);
    operation.complete &&= implied.complete;
    const voucherNo = dataOf(event)['voucherNo'];
    if (typeof voucherNo === 'string') operation.voucherNos.add(voucherNo);
    const problem = owner.recheck(state, event, books.books.registers);
    return problem === undefined ? [] : [broken('REGISTER_TRANSITION', `${ORIGIN_REGISTER[owner.name]}: ${problem}`)];
  }

  private closeProblems(books: Year<Ref>, close: YearClosed, facts: BooksFacts): BookProblem[] {
    const { village, year } = books;
    this.years.refresh(books);
    const next = this.years.get(village, year + 1);
    const command: LedgerYearCommand = {
      type: 'CloseYear',
      organizationId: village,
      year,
      organizationKind: facts.kindOf(village),
      chart: facts.chartOf(village),
      previousYear: books.previous,
      nextYear: next?.beforePreviousClosed ?? [],
    };
    const decided = this.decider.decide(command, books.books);
    if (isLeft(decided)) return [refused(decided.left)];
    const expected = decided.right.find((e) => e.type === 'YearClosed');
    if (expected === undefined) return [broken('NOT_AS_DECIDED', `the rules close ${year} of ${village} with no YearClosed`)];
    const recorded = facts.encode(close);
    const computed = facts.encode(expected);
    // A close recorded before registers were carried is compared without them.
    const { registers, ...withoutRegisters } = computed;
    const difference = firstDifference(recorded, recorded['registers'] === undefined ? withoutRegisters : { ...withoutRegisters, registers }, 'data');
    return difference === undefined ? [] : [broken('YEAR_CLOSE_MISMATCH', `the close of ${year} of ${village}: ${difference}`)];
  }

  private continues(books: Year<Ref>, { event, commandId }: LedgerEntry<Ref>): boolean {
    const operation = books.operation;
    if (operation === undefined || operation.commandId !== commandId) return false;
    if (event.type === 'VoucherPosted') return (event as VoucherPosted).data.origin === operation.subLedger.name;
    return this.owners.get(event.type) === operation.subLedger;
  }

  /** An operation that implied lines and got no voucher. */
  private settle(books: Year<Ref>): LateProblem<Ref>[] {
    const operation = books.operation;
    books.operation = undefined;
    if (operation === undefined || !impliesLines(operation)) return [];
    const register = ORIGIN_REGISTER[operation.subLedger.name];
    return [{ ref: operation.ref, problem: broken('GENERATED_VOUCHER_MISSING', `these events of ${register} imply journal lines, but no voucher of ${register} was recorded with them`) }];
  }
}

