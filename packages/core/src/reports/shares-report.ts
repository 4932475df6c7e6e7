import type { ShareClass } from '../domain/shares/charter-events.js';
import { charterOn, holdingsOn, type ClassHoldings, type ShareRegisterState } from '../domain/shares/share-register.js';
import { isMemberOn } from '../domain/organization/member-register.js';
import { holderHousehold } from '../domain/shares/register-checks.js';
import { Dec } from '../money/decimal.js';
import { Money } from '../money/money.js';
import type { ShareBooks } from './share-books.js';
import { byCodePoint } from './statement.js';

/** Shares by class id, as strings, and their sum. */
export interface SharesByClass {
  readonly byClass: ReadonlyMap<string, Dec>;
  readonly total: Dec;
}

export interface ShareholderLine extends SharesByClass {
  readonly memberId: string;
  readonly name: string;
  readonly householdId: string;
  /** A member on the date, or a former member who kept shares. */
  readonly isMember: boolean;
}

export interface HouseholdShares extends SharesByClass {
  readonly householdId: string;
  readonly head: string;
  readonly holders: number;
}

/** 股权台账 as of a date: who holds what, by member, household and class. */
export interface ShareRegisterReport {
  readonly village: string;
  readonly asOf: string;
  readonly classes: readonly ShareClass[];
  readonly quantification: { readonly baseDate: string; readonly operatingNetAssets: Money; readonly shares: Dec; readonly valuePerShare: Money } | undefined;
  readonly holders: readonly ShareholderLine[];
  readonly households: readonly HouseholdShares[];
  readonly collective: SharesByClass;
  readonly totals: SharesByClass;
}

const sumOf = (holdings: ClassHoldings): SharesByClass => ({ byClass: holdings, total: [...holdings.values()].reduce((a, b) => a.plus(b), new Dec(0)) });

const addInto = (into: Map<string, Dec>, holdings: ClassHoldings): void => {
  for (const [classId, n] of holdings) into.set(classId, (into.get(classId) ?? new Dec(0)).plus(n));
};

/** The value of one share at the quantification: operating net assets over the shares allotted, half-up to the fen. */
const valuePerShare = (netAssets: Money, shares: Dec): Money => Money.fromDecimal(netAssets.toDecimal().div(shares), 'half-up');

/** The quantification, once its base date is reached. */
const quantificationOn = (register: ShareRegisterState, asOf: string): ShareRegisterReport['quantification'] => {
  const q = register.quantification;
  if (q === undefined || q.baseDate > asOf) return undefined;
  const shares = q.allotments.reduce((sum, a) => sum.plus(a.shares), new Dec(0));
  return { baseDate: q.baseDate, operatingNetAssets: q.operatingNetAssets, shares, valuePerShare: valuePerShare(q.operatingNetAssets, shares) };
};

/**
 * The share register of a village on `asOf`: each holder (in member-id
 * order) with the household they belong to on that date, the households'
 * totals, the collective's shares, and the totals by class. Undefined when
 * the village keeps no share register.
 */
export const shareRegisterReportOf = (books: ShareBooks, village: string, asOf: string): ShareRegisterReport | undefined => {
  const register = books.registers.get(village);
  if (register === undefined) return undefined;
  const members = books.members.get(village);
  const holdings = holdingsOn(register, asOf);
  const holders = [...holdings.members]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([memberId, classes]): ShareholderLine => {
      const record = members?.members.get(memberId);
      const householdId = record === undefined ? '' : (holderHousehold(record, asOf) ?? '');
      return { memberId, name: record?.name ?? memberId, householdId, isMember: record !== undefined && isMemberOn(record, asOf), ...sumOf(classes) };
    });
  const byHousehold = new Map<string, { classes: Map<string, Dec>; holders: number }>();
  for (const h of holders) {
    const entry = byHousehold.get(h.householdId) ?? { classes: new Map<string, Dec>(), holders: 0 };
    addInto(entry.classes, h.byClass);
    entry.holders += 1;
    byHousehold.set(h.householdId, entry);
  }
  const households = [...byHousehold]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([householdId, e]) => ({ householdId, head: members?.households.get(householdId)?.head ?? '', holders: e.holders, ...sumOf(e.classes) }));
  const totals = new Map<string, Dec>();
  for (const h of holders) addInto(totals, h.byClass);
  addInto(totals, holdings.collective);
  return {
    village,
    asOf,
    classes: charterOn(register, asOf)?.classes ?? register.charters.at(-1)?.classes ?? [],
    quantification: quantificationOn(register, asOf),
    holders,
    households,
    collective: sumOf(holdings.collective),
    totals: sumOf(totals),
  };
};
