import * as t from 'io-ts';
import { arrayOf } from '../../codecs/array-of.js';
import { NonNegativeYuan } from '../../codecs/money-codecs.js';
import { Id, IsoDate } from '../../codecs/primitives.js';
import { Money } from '../../money/money.js';
import { AccountCode, FiscalYear } from '../ledger/voucher-codec.js';
import type { DistributionEvent } from './events.js';

/** Declared dividends as the ledger year keeps them: when, where they are payable, and what is still owed to each member. */
export interface Declaration {
  readonly year: number;
  readonly declaredOn: string;
  readonly payableAccount: string;
  /** Fen still owed, by member, in the declaration's order (zero once paid). */
  readonly unpaid: ReadonlyMap<string, bigint>;
}

/** The distribution's state on a ledger year. */
export interface DividendBooks {
  /** Declarations by the year whose income they divide: those of the year itself, and those the last close carried with anything unpaid. */
  readonly declarations: ReadonlyMap<number, Declaration>;
  /** Years whose dividends were all paid before the year opened. */
  readonly settled: ReadonlySet<number>;
  /** Years whose income was distributed in this ledger year (never carried: a plan is approved in the year after). */
  readonly distributed: ReadonlySet<number>;
}

export const emptyDividendBooks: DividendBooks = { declarations: new Map(), settled: new Set(), distributed: new Set() };

const owesAnything = (declaration: Declaration): boolean => [...declaration.unpaid.values()].some((fen) => fen > 0n);

const withDeclaration = (books: DividendBooks, declaration: Declaration): DividendBooks => ({
  ...books,
  declarations: new Map(books.declarations).set(declaration.year, declaration),
});

/** Fold one distribution event into the books, copy on write. */
export const evolveDividendBooks = (books: DividendBooks, event: DistributionEvent): DividendBooks => {
  switch (event.type) {
    case 'IncomeDistributed':
      return { ...books, distributed: new Set([...books.distributed, event.data.year]) };
    case 'DividendsDeclared': {
      const { year, declaredOn, payableAccount, dividends } = event.data;
      return withDeclaration(books, { year, declaredOn, payableAccount, unpaid: new Map(dividends.map((d) => [d.memberId, d.amount.toFen()])) });
    }
    case 'DividendsPaid': {
      const declaration = books.declarations.get(event.data.year);
      if (declaration === undefined) return books; // the decider refuses payments of nothing declared
      const unpaid = new Map(declaration.unpaid);
      for (const p of event.data.payments) unpaid.set(p.memberId, (unpaid.get(p.memberId) ?? 0n) - p.amount.toFen());
      return withDeclaration(books, { ...declaration, unpaid });
    }
  }
};

const CarriedDeclaration = t.type({
  year: FiscalYear,
  declaredOn: IsoDate,
  payableAccount: AccountCode,
  unpaid: arrayOf(t.type({ memberId: Id, amount: NonNegativeYuan })),
});

const CarriedDividendsJson = t.type({ declarations: arrayOf(CarriedDeclaration), settled: arrayOf(FiscalYear) });

/** What a close carries of the distribution (`YearClosed.registers.shares`): the dividends declared and not yet paid. */
export const CarriedDividends = new t.Type<DividendBooks, t.OutputOf<typeof CarriedDividendsJson>>(
  'the carried dividends',
  (u): u is DividendBooks => typeof u === 'object' && u !== null && 'declarations' in u && 'settled' in u,
  (u, c) => {
    const read = CarriedDividendsJson.validate(u, c);
    if (read._tag === 'Left') return read;
    const declarations = read.right.declarations.map((d) => ({ ...d, unpaid: new Map(d.unpaid.map((p) => [p.memberId, p.amount.toFen()])) }));
    return t.success({ declarations: new Map(declarations.map((d) => [d.year, d])), settled: new Set(read.right.settled), distributed: new Set<number>() });
  },
  (books) => {
    const owing = [...books.declarations.values()].filter(owesAnything);
    const settled = [...books.settled, ...[...books.declarations.values()].filter((d) => !owesAnything(d)).map((d) => d.year)];
    return CarriedDividendsJson.encode({
      declarations: owing.map((d) => ({
        year: d.year,
        declaredOn: d.declaredOn,
        payableAccount: d.payableAccount,
        unpaid: [...d.unpaid].map(([memberId, fen]) => ({ memberId, amount: Money.fromFen(fen) })),
      })) as t.TypeOf<typeof CarriedDeclaration>[],
      settled: settled.sort((a, b) => a - b),
    });
  },
);
