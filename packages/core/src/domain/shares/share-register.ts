import { byCodePoint } from '../../kernel/code-point.js';
import { MapDraft } from '../../kernel/map-draft.js';
import { PersistentList } from '../../kernel/persistent-list.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
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

/** Holdings as the register keeps them: persistent maps, so each change is a new value sharing the rest. */
interface HoldingsState extends Holdings {
  readonly members: PersistentMap<string, PersistentMap<string, Dec>>;
  readonly collective: PersistentMap<string, Dec>;
}

/**
 * A village's share register (股权台账): its charters in order, the
 * quantification, and every change, kept whole so the holdings on any date can
 * be read; `holdings` are the current ones.
 */
export interface ShareRegisterState {
  readonly charters: readonly ShareCharterAdoptedData[];
  readonly quantification: SharesQuantifiedData | undefined;
  readonly history: PersistentList<ShareRegisterEvent>;
  /** The latest business date on the register: a change may not be dated before it. */
  readonly lastDate: string | undefined;
  readonly holdings: HoldingsState;
}

const NO_HOLDINGS: HoldingsState = { members: PersistentMap.empty(), collective: PersistentMap.empty() };

export const initialShareRegister = (): ShareRegisterState => ({
  charters: [],
  quantification: undefined,
  history: PersistentList.empty(),
  lastDate: undefined,
  holdings: NO_HOLDINGS,
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

type ClassMap = PersistentMap<string, Dec>;
const NO_SHARES: ClassMap = PersistentMap.empty();

const change = (holdings: ClassMap, classId: string, by: Dec): ClassMap => {
  const next = (holdings.get(classId) ?? new Dec(0)).plus(by);
  return next.isZero() ? holdings.delete(classId) : holdings.set(classId, next);
};

/**
 * One member's shares changed in a draft of the members' holdings (an event
 * changes many: a quantification, every member's); a member left with none
 * is dropped.
 */
const changeMember = (members: MapDraft<string, ClassMap>, memberId: string, classId: string, by: Dec): void => {
  const next = change(members.get(memberId) ?? NO_SHARES, classId, by);
  if (next.size === 0) members.delete(memberId);
  else members.set(memberId, next);
};

const move = (holdings: HoldingsState, from: string, to: string | undefined, shares: readonly ClassShares[]): HoldingsState => {
  const members = new MapDraft(holdings.members);
  for (const { classId, shares: n } of shares) {
    changeMember(members, from, classId, n.negated());
    if (to !== undefined) changeMember(members, to, classId, n);
  }
  return { members: members.commit(), collective: holdings.collective };
};

const quantify = (holdings: HoldingsState, { allotments }: SharesQuantifiedData): HoldingsState => {
  const members = new MapDraft(holdings.members);
  let { collective } = holdings;
  for (const a of allotments) {
    if (a.memberId === undefined) collective = change(collective, a.classId, a.shares);
    else changeMember(members, a.memberId, a.classId, a.shares);
  }
  return { members: members.commit(), collective };
};

const applyHoldings = (holdings: HoldingsState, event: ShareRegisterEvent): HoldingsState => {
  switch (event.type) {
    case 'ShareCharterAdopted':
      return holdings;
    case 'SharesQuantified':
      return quantify(holdings, event.data);
    case 'SharesInherited':
      return move(holdings, event.data.fromMemberId, event.data.toMemberId, event.data.shares);
    case 'SharesTransferred':
      return move(holdings, event.data.fromMemberId, event.data.toMemberId, [{ classId: event.data.classId, shares: event.data.shares }]);
    case 'SharesWithdrawn':
      // Kept shares stay with the former member; bought-back shares are cancelled.
      return event.data.disposition === 'buy-back' ? move(holdings, event.data.memberId, undefined, event.data.shares) : holdings;
  }
};

/** Fold one event in: a new state sharing its history and holdings with the old one (persistent list and maps). */
export const evolveShareRegister = (state: ShareRegisterState, event: ShareRegisterEvent): ShareRegisterState => {
  const charters = event.type === 'ShareCharterAdopted' ? [...state.charters, event.data] : state.charters;
  const quantification = event.type === 'SharesQuantified' ? event.data : state.quantification;
  const history = state.history.append(event);
  return { charters, quantification, history, lastDate: dateOfShareEvent(event), holdings: applyHoldings(state.holdings, event) };
};

/** The holdings at the end of `date`: every change dated on or before it (the register is kept in date order). */
export const holdingsOn = (state: ShareRegisterState, date: string): Holdings => {
  // No change after `date`: the holdings the register keeps, folded from the same changes in the same order.
  if (!state.history.some((event) => dateOfShareEvent(event) > date)) return state.holdings;
  let holdings = NO_HOLDINGS;
  for (const event of state.history) {
    if (dateOfShareEvent(event) > date) break;
    holdings = applyHoldings(holdings, event);
  }
  return holdings;
};

/** The charter in force on `date`: the last adopted on or before it. */
export const charterOn = (state: ShareRegisterState, date: string): ShareCharterAdoptedData | undefined =>
  state.charters.filter((c) => c.adoptedOn <= date).at(-1);

/** Shares as the events carry them, by class id in code-point order. */
export const classSharesOf = (holdings: ClassHoldings): ClassShares[] =>
  [...holdings].sort(([a], [b]) => byCodePoint(a, b)).map(([classId, shares]) => ({ classId, shares }) as ClassShares);
