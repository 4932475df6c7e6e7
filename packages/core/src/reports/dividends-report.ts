import type { DividendsDeclaredData } from '../domain/shares/distribution-events.js';
import { unpaidOf } from '../domain/shares/decide-payment.js';
import { weightedSharesOf } from '../domain/shares/dividends.js';
import { Dec } from '../money/decimal.js';
import { Money } from '../money/money.js';
import type { ShareBooks } from './share-books.js';
import { byCodePoint } from './statement.js';

export interface DividendFigures {
  readonly dividend: Money;
  readonly paid: Money;
  readonly unpaid: Money;
}

export interface MemberDividend extends DividendFigures {
  readonly memberId: string;
  readonly name: string;
  readonly householdId: string;
  readonly shares: ReadonlyMap<string, Dec>;
  readonly weightedShares: Dec;
}

export interface HouseholdDividend extends DividendFigures {
  readonly householdId: string;
  readonly head: string;
  readonly shares: ReadonlyMap<string, Dec>;
}

/** 分红明细: a year's dividends of a village, per member and per household, with what has been paid and what is still payable. */
export interface DividendsReport extends DividendFigures {
  readonly village: string;
  readonly year: number;
  readonly declaredOn: string;
  readonly recordDate: string;
  readonly pool: Money;
  /** The collective share's part, kept by the collective. */
  readonly retained: Money;
  readonly weights: ReadonlyMap<string, Dec>;
  readonly weightedShares: Dec;
  /** The pool per weighted share: exactly `pool / weightedShares`, to 8 decimals, and half-up to the fen. */
  readonly perShare: { readonly numerator: Money; readonly denominator: Dec; readonly decimal: Dec; readonly rounded: Money };
  readonly members: readonly MemberDividend[];
  readonly households: readonly HouseholdDividend[];
}

const membersOf = (books: ShareBooks, declared: DividendsDeclaredData, unpaid: ReadonlyMap<string, bigint>, weights: ReadonlyMap<string, Dec>): MemberDividend[] => {
  const register = books.members.get(declared.organizationId);
  return declared.dividends.map((d) => {
    const shares = new Map(d.shares.map((s) => [s.classId as string, s.shares]));
    const owed = unpaid.get(d.memberId) ?? 0n;
    return {
      memberId: d.memberId,
      name: register?.members.get(d.memberId)?.name ?? d.memberId,
      householdId: d.householdId,
      shares,
      weightedShares: weightedSharesOf(shares, weights),
      dividend: d.amount,
      paid: Money.fromFen(d.amount.toFen() - owed),
      unpaid: Money.fromFen(owed),
    };
  });
};

const householdsOf = (books: ShareBooks, village: string, members: readonly MemberDividend[]): HouseholdDividend[] => {
  const by = new Map<string, { shares: Map<string, Dec>; dividend: bigint; paid: bigint; unpaid: bigint }>();
  for (const m of members) {
    const e = by.get(m.householdId) ?? { shares: new Map<string, Dec>(), dividend: 0n, paid: 0n, unpaid: 0n };
    for (const [classId, n] of m.shares) e.shares.set(classId, (e.shares.get(classId) ?? new Dec(0)).plus(n));
    e.dividend += m.dividend.toFen();
    e.paid += m.paid.toFen();
    e.unpaid += m.unpaid.toFen();
    by.set(m.householdId, e);
  }
  const heads = books.members.get(village)?.households;
  return [...by]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([householdId, e]) => ({ householdId, head: heads?.get(householdId)?.head ?? '', shares: e.shares, dividend: Money.fromFen(e.dividend), paid: Money.fromFen(e.paid), unpaid: Money.fromFen(e.unpaid) }));
};

/**
 * A year's dividends from the declaration and the payments recorded so far;
 * undefined when none were declared. Unpaid dividends are unclaimed ones:
 * they stay payable (211) until paid.
 */
export const dividendsReportOf = (books: ShareBooks, village: string, year: number): DividendsReport | undefined => {
  const found = books.distributions.get(village);
  const declared = found?.declarations.get(year);
  if (found === undefined || declared === undefined) return undefined;
  const unpaid = unpaidOf(declared, found.payments.get(year) ?? []);
  const weights = new Map(declared.weights.map((w) => [w.classId as string, w.weight]));
  const members = membersOf(books, declared, unpaid, weights);
  const sum = (pick: (m: MemberDividend) => Money) => Money.fromFen(members.reduce((s, m) => s + pick(m).toFen(), 0n));
  const { pool, weightedShares } = declared;
  const perShare = weightedShares.isZero()
    ? { numerator: pool, denominator: weightedShares, decimal: new Dec(0), rounded: Money.zero }
    : { numerator: pool, denominator: weightedShares, decimal: pool.toDecimal().div(weightedShares).toDecimalPlaces(8), rounded: Money.fromDecimal(pool.toDecimal().div(weightedShares), 'half-up') };
  return {
    village,
    year,
    declaredOn: declared.declaredOn,
    recordDate: declared.recordDate,
    pool,
    retained: declared.retained,
    weights,
    weightedShares,
    perShare,
    members,
    households: householdsOf(books, village, members),
    dividend: sum((m) => m.dividend),
    paid: sum((m) => m.paid),
    unpaid: sum((m) => m.unpaid),
  };
};
