import { isLeft } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../../codecs/reporter.js';
import { EventValidationError } from '../../kernel/catalog.js';
import type { FactReader } from '../../kernel/fact-reader.js';
import { organizationStream } from '../organization/events.js';
import type { PreviousYear } from './commands.js';
import { ledgerStream, type YearClosed } from './events.js';
import { ledgerYearDecider, type CarriedRegisters } from './ledger-year.js';
import { subLedgerEventTypes, type AnySubLedger } from './sub-ledger.js';

/** How a ledger year opens: how the books before it were left, and what they carried of each sub-ledger. */
export interface YearOpening {
  readonly previous: PreviousYear;
  readonly registers: CarriedRegisters;
}

/** Whose books are read, through which reader, with which sub-ledgers. */
interface Books {
  readonly reader: FactReader;
  readonly subLedgers: readonly AnySubLedger[];
  readonly organizationId: string;
}

const NOTHING: YearOpening = { previous: { status: 'none' }, registers: {} };

/** The year an organization was registered (the business date of its first event): it keeps no books before. */
export const registrationYear = async (reader: FactReader, organizationId: string): Promise<number | undefined> => {
  const first = await reader.first(organizationStream(organizationId));
  return first === undefined ? undefined : Number(first.metadata.occurredOn.slice(0, 4));
};

const carriedBalances = (close: YearClosed): ReadonlyMap<string, bigint> => new Map(close.data.carried.map((c) => [c.account, c.balance.toFen()]));

const decodeRegisters = (subLedgers: readonly AnySubLedger[], close: YearClosed, streamId: string): CarriedRegisters => {
  const registers: Record<string, unknown> = {};
  for (const s of subLedgers) {
    const decoded = s.carried.decode(close.data.registers?.[s.name]);
    if (isLeft(decoded)) {
      const problems = formatValidationErrors(decoded.left, `data.registers.${s.name}`);
      throw new EventValidationError('YearClosed', problems.map((p) => `stream ${streamId}, the close: ${p}`));
    }
    registers[s.name] = decoded.right;
  }
  return registers;
};

/** The registers as a year's events leave them, folded onto what the year opened with; vouchers pass undecoded. */
const registersAfter = async ({ reader, subLedgers }: Books, streamId: string, opened: CarriedRegisters): Promise<CarriedRegisters> => {
  const decider = ledgerYearDecider(subLedgers, opened);
  const books = await reader.fold(streamId, decider.initialState(), decider.evolve, subLedgerEventTypes(subLedgers));
  return Object.fromEntries(subLedgers.map((s): [string, unknown] => [s.name, s.carry(books.registers[s.name])]));
};

/**
 * A close recorded before registers were carried: the registers are rebuilt
 * once, by folding the sub-ledgers' events of every year from the first up
 * to and including the closed one.
 */
const rebuiltOpening = async (books: Books, first: number, close: YearClosed): Promise<YearOpening> => {
  let registers: CarriedRegisters = {};
  for (let y = first; y <= close.data.year; y += 1) registers = await registersAfter(books, ledgerStream(books.organizationId, y), registers);
  return { previous: { status: 'closed', year: close.data.year, carried: carriedBalances(close) }, registers };
};

const openingFrom = async (books: Books, year: number, first: number): Promise<YearOpening> => {
  for (let y = year - 1; y >= first; y -= 1) {
    const streamId = ledgerStream(books.organizationId, y);
    const last = await books.reader.last(streamId);
    if (last === undefined) continue; // a year without books carries nothing and changes nothing
    if (last.event.type === 'YearClosed') {
      const close = last.event as YearClosed;
      if (close.data.registers === undefined) return rebuiltOpening(books, first, close);
      return { previous: { status: 'closed', year: y, carried: carriedBalances(close) }, registers: decodeRegisters(books.subLedgers, close, streamId) };
    }
    // Still open: the year is decided against the previous one as it stands; its close re-checks.
    const before = await openingFrom(books, y, first);
    return { previous: { status: 'open', year: y }, registers: await registersAfter(books, streamId, before.registers) };
  }
  return NOTHING;
};

const NOTHING_CARRIED: ReadonlyMap<string, bigint> = new Map();

/** The balances a year opens with: what the previous close carried, nothing while that year is open or when there is none. */
export const carriedInto = (opening: YearOpening): ReadonlyMap<string, bigint> =>
  opening.previous.status === 'closed' ? opening.previous.carried : NOTHING_CARRIED;

/**
 * The balances the last close carried into `year`, as `carriedInto` gives
 * them, without folding an open year's registers: one event read per year
 * looked at, for a voucher that needs only balances.
 */
export const carriedBalancesInto = async (reader: FactReader, organizationId: string, year: number): Promise<ReadonlyMap<string, bigint>> => {
  const first = (await registrationYear(reader, organizationId)) ?? year;
  for (let y = year - 1; y >= first; y -= 1) {
    const last = await reader.last(ledgerStream(organizationId, y));
    if (last !== undefined) return last.event.type === 'YearClosed' ? carriedBalances(last.event as YearClosed) : NOTHING_CARRIED;
  }
  return NOTHING_CARRIED;
};

/**
 * How a village's ledger year opens. The last year with books is found by
 * reading the last event of each year's stream, newest first: its close
 * gives the balances and the registers carried (one event read). A year
 * still open is folded as it stands, onto how it opened in turn.
 */
export const openingOf = async (reader: FactReader, subLedgers: readonly AnySubLedger[], organizationId: string, year: number): Promise<YearOpening> => {
  const first = (await registrationYear(reader, organizationId)) ?? year;
  return openingFrom({ reader, subLedgers, organizationId }, year, first);
};
