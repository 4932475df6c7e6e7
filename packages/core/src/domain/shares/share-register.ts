import { byCodePoint } from '../../kernel/code-point.js';
import { Dec } from '../../money/decimal.js';
import type { ShareCharterAdoptedData } from './charter-events.js';
import type { ShareRegisterEvent } from './events.js';
import type { ClassShares, SharesQuantifiedData } from './register-events.js';

/** Shares by class id. */
export type ClassHoldings = ReadonlyMap<string, Dec>;

/** Who holds what on one date: each member's (or former member's) shares by class, and the collective's. */
export interface Holdings {
  readonly members: ReadonlyMap<string, ClassHoldings>;
  readonly collective: ClassHoldings;
}

/**
 * A village's share register (股权台账): its charters in order, the
 * quantification, and every change, kept whole so the holdings on any date can
 * be read; `holdings` are the current ones.
 */
export interface ShareRegisterState {
  readonly charters: readonly ShareCharterAdoptedData[];
  readonly quantification: SharesQuantifiedData | undefined;
  readonly history: readonly ShareRegisterEvent[];
  /** The latest business date on the register: a change may not be dated before it. */
  readonly lastDate: string | undefined;
  readonly holdings: Holdings;
}

export const initialShareRegister = (): ShareRegisterState => ({
  charters: [],
  quantification: undefined,
  history: [],
  lastDate: undefined,
  holdings: { members: new Map(), collective: new Map() },
});

/** The business date a register event is dated by. */
export const dateOfShareEvent = (event: ShareRegisterEvent): string => {
  switch (event.type) {
    case 'ShareCharterAdopted':
      return event.data.adoptedOn;
    case 'SharesQuantified':
      return event.data.baseDate;
    case 'SharesInherited':
      return event.data.inheritedOn;
    case 'SharesTransferred':
      return event.data.transferredOn;
    case 'SharesWithdrawn':
      return event.data.withdrawnOn;
  }
};

type MutableHoldings = Map<string, Map<string, Dec>>;

const change = (holdings: Map<string, Dec>, classId: string, by: Dec): void => {
  const next = (holdings.get(classId) ?? new Dec(0)).plus(by);
  if (next.isZero()) holdings.delete(classId);
  else holdings.set(classId, next);
};

const holderIn = (members: MutableHoldings, memberId: string): Map<string, Dec> => {
  const found = members.get(memberId);
  if (found !== undefined) return found;
  const created = new Map<string, Dec>();
  members.set(memberId, created);
  return created;
};

const move = (members: MutableHoldings, from: string, to: string | undefined, shares: readonly ClassShares[]): void => {
  const source = holderIn(members, from);
  for (const { classId, shares: n } of shares) {
    change(source, classId, n.negated());
    if (to !== undefined) change(holderIn(members, to), classId, n);
  }
  if (source.size === 0) members.delete(from);
};

const applyHoldings = (members: MutableHoldings, collective: Map<string, Dec>, event: ShareRegisterEvent): void => {
  switch (event.type) {
    case 'ShareCharterAdopted':
      return;
    case 'SharesQuantified':
      for (const a of event.data.allotments) change(a.memberId === undefined ? collective : holderIn(members, a.memberId), a.classId, a.shares);
      return;
    case 'SharesInherited':
      move(members, event.data.fromMemberId, event.data.toMemberId, event.data.shares);
      return;
    case 'SharesTransferred':
      move(members, event.data.fromMemberId, event.data.toMemberId, [{ classId: event.data.classId, shares: event.data.shares }]);
      return;
    case 'SharesWithdrawn':
      // Kept shares stay with the former member; bought-back shares are cancelled.
      if (event.data.disposition === 'buy-back') move(members, event.data.memberId, undefined, event.data.shares);
      return;
  }
};

/**
 * Fold one event in. Folded forward only from `initialShareRegister()`, so the
 * maps and lists are extended in place (copying per event would be quadratic).
 */
export const evolveShareRegister = (state: ShareRegisterState, event: ShareRegisterEvent): ShareRegisterState => {
  (state.history as ShareRegisterEvent[]).push(event);
  applyHoldings(state.holdings.members as MutableHoldings, state.holdings.collective as Map<string, Dec>, event);
  const charters = event.type === 'ShareCharterAdopted' ? [...state.charters, event.data] : state.charters;
  const quantification = event.type === 'SharesQuantified' ? event.data : state.quantification;
  return { ...state, charters, quantification, lastDate: dateOfShareEvent(event) };
};

/** The holdings at the end of `date`: every change dated on or before it (the register is kept in date order). */
export const holdingsOn = (state: ShareRegisterState, date: string): Holdings => {
  const members: MutableHoldings = new Map();
  const collective = new Map<string, Dec>();
  for (const event of state.history) {
    if (dateOfShareEvent(event) > date) break;
    applyHoldings(members, collective, event);
  }
  return { members, collective };
};

/** The charter in force on `date`: the last adopted on or before it. */
export const charterOn = (state: ShareRegisterState, date: string): ShareCharterAdoptedData | undefined =>
  state.charters.filter((c) => c.adoptedOn <= date).at(-1);

/** Shares as the events carry them, by class id in code-point order. */
export const classSharesOf = (holdings: ClassHoldings): ClassShares[] =>
  [...holdings].sort(([a], [b]) => byCodePoint(a, b)).map(([classId, shares]) => ({ classId, shares }) as ClassShares);
