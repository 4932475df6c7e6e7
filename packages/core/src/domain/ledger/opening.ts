import { isLeft } from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '../../codecs/reporter.js';
import { EventValidationError } from '../../kernel/catalog.js';
import type { FactReader } from '../../kernel/fact-reader.js';
import { organizationStream } from '../organization/events.js';
import { carriedSoFar } from './carried-so-far.js';
import type { PreviousYear } from './commands.js';
import { ledgerStream, type YearClosed } from './events.js';
import { ledgerYearDecider, type CarriedRegisters } from './ledger-year.js';
import { evolveLedgerYear, initialLedgerYear } from './state.js';
import { subLedgerEventTypes, type AnySubLedger } from './sub-ledger.js';

/** How a ledger year opens: how the books before it were left, what they carried of each sub-ledger, and the balances it opens with. */
export interface YearOpening {
  readonly previous: PreviousYear;
  readonly registers: CarriedRegisters;
  /** What the last close carried, or, while the year before is open, `carriedSoFar` from it: a voucher may not overdraw cash or bank. */
  readonly balances: ReadonlyMap<string, bigint>;
}

/** Whose books are read, through which reader, with which sub-ledgers. */
interface Books {
  readonly reader: FactReader;
  readonly subLedgers: readonly AnySubLedger[];
  readonly organizationId: string;
}

const NOTHING_CARRIED: ReadonlyMap<string, bigint> = new Map();

const NOTHING: YearOpening = { previous: { status: 'none' }, registers: {}, balances: NOTHING_CARRIED };

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

/** The registers as a year's events leave them, folded onto what the year opened with, and its accounts' movements. */
const yearAsItStands = async ({ reader, subLedgers }: Books, streamId: string, opened: CarriedRegisters) => {
  const decider = ledgerYearDecider(subLedgers, opened);
  const books = await reader.fold(streamId, decider.initialState(), decider.evolve, new Set([...subLedgerEventTypes(subLedgers), 'VoucherPosted']));
  const registers: CarriedRegisters = Object.fromEntries(subLedgers.map((s): [string, unknown] => [s.name, s.carry(books.registers[s.name])]));
  return { registers, movements: books.ledger.movements };
};

/**
 * A close recorded before registers were carried: the registers are rebuilt
 * once, by folding the sub-ledgers' events of every year from the first up
 * to and including the closed one.
 */
const rebuiltOpening = async (books: Books, first: number, close: YearClosed): Promise<YearOpening> => {
  let registers: CarriedRegisters = {};
  for (let y = first; y <= close.data.year; y += 1) ({ registers } = await yearAsItStands(books, ledgerStream(books.organizationId, y), registers));
  const carried = carriedBalances(close);
  return { previous: { status: 'closed', year: close.data.year, carried }, registers, balances: carried };
};

/**
 * Registers decoded from a close, by the close's chain hash (which covers its
 * content, stream and position): every command of a year reads the same close,
 * and decoding what it carries (every dividend still owed, say) would otherwise
 * cost each of them more as the books grow. Decoded registers are never
 * changed. A few hundred closes are kept, per set of sub-ledgers.
 */
const decodedByHash = new WeakMap<readonly AnySubLedger[], Map<string, CarriedRegisters>>();
const KEPT = 512;

const registersOfClose = (subLedgers: readonly AnySubLedger[], close: YearClosed, streamId: string, hash: string | undefined): CarriedRegisters => {
  if (hash === undefined) return decodeRegisters(subLedgers, close, streamId);
  let decoded = decodedByHash.get(subLedgers);
  if (decoded === undefined) {
    decoded = new Map();
    decodedByHash.set(subLedgers, decoded);
  }
  const known = decoded.get(hash);
  if (known !== undefined) return known;
  const registers = decodeRegisters(subLedgers, close, streamId);
  if (decoded.size >= KEPT) decoded.delete(decoded.keys().next().value as string);
  decoded.set(hash, registers);
  return registers;
};

const openingFrom = async (books: Books, year: number, first: number): Promise<YearOpening> => {
  for (let y = year - 1; y >= first; y -= 1) {
    const streamId = ledgerStream(books.organizationId, y);
    const last = await books.reader.last(streamId);
    if (last === undefined) continue; // a year without books carries nothing and changes nothing
    if (last.event.type === 'YearClosed') {
      const close = last.event as YearClosed;
      if (close.data.registers === undefined) return rebuiltOpening(books, first, close);
      const carried = carriedBalances(close);
      return { previous: { status: 'closed', year: y, carried }, registers: registersOfClose(books.subLedgers, close, streamId, last.metadata.hash), balances: carried };
    }
    // Still open: the year is decided against the previous one as it stands; its close re-checks.
    const before = await openingFrom(books, y, first);
    const { registers, movements } = await yearAsItStands(books, streamId, before.registers);
    return { previous: { status: 'open', year: y }, registers, balances: carriedSoFar(before.balances, movements) };
  }
  return NOTHING;
};

const LEDGER_TYPES: ReadonlySet<string> = new Set(['VoucherPosted']);

const balancesFrom = async (reader: FactReader, organizationId: string, year: number, first: number): Promise<ReadonlyMap<string, bigint>> => {
  for (let y = year - 1; y >= first; y -= 1) {
    const streamId = ledgerStream(organizationId, y);
    const last = await reader.last(streamId);
    if (last === undefined) continue;
    if (last.event.type === 'YearClosed') return carriedBalances(last.event as YearClosed);
    const { movements } = await reader.fold(streamId, initialLedgerYear(), evolveLedgerYear, LEDGER_TYPES);
    return carriedSoFar(await balancesFrom(reader, organizationId, y, first), movements);
  }
  return NOTHING_CARRIED;
};

/**
 * The balances `year` opens with, as `openingOf` gives them, without
 * folding registers: one event read per closed or empty year looked at, and
 * the vouchers of a year still open, for a voucher that needs only balances.
 */
export const carriedBalancesInto = async (reader: FactReader, organizationId: string, year: number): Promise<ReadonlyMap<string, bigint>> => {
  const first = (await registrationYear(reader, organizationId)) ?? year;
  return balancesFrom(reader, organizationId, year, first);
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
