import type { DecodedEvent } from '../kernel/event.js';
import { MapDraft } from '../kernel/map-draft.js';
import { PersistentMap } from '../kernel/persistent-map.js';
import type { Projection } from '../kernel/projection.js';
import type { LedgerEvent } from '../domain/ledger/events.js';
import type { VoucherLine } from '../domain/ledger/voucher-codec.js';

/**
 * One account's figures over a window, in fen (bigint, exact):
 * `opening` is the signed balance before the window (debit positive);
 * `debit` and `credit` are the voucher movements inside it; `closingDebit` and
 * `closingCredit` the year-end closing entries inside it (kept apart so the
 * income statement can show income before it was carried to 321).
 */
export interface AccountTotals {
  readonly opening: bigint;
  readonly debit: bigint;
  readonly credit: bigint;
  readonly closingDebit: bigint;
  readonly closingCredit: bigint;
}

/** Per organization (village), per account code. */
export type Balances = ReadonlyMap<string, ReadonlyMap<string, AccountTotals>>;

/** Balances as the projection keeps them: persistent maps, each posting a new value sharing the rest. */
export type BalancesState = PersistentMap<string, PersistentMap<string, AccountTotals>>;

/** `[from, to]`, both `YYYY-MM-DD`, inclusive. */
export interface Window {
  readonly from: string;
  readonly to: string;
}

/** The signed closing balance (debit positive) of an account's totals. */
export const closingBalance = (t: AccountTotals): bigint =>
  t.opening + t.debit - t.credit + t.closingDebit - t.closingCredit;

const ZERO: AccountTotals = { opening: 0n, debit: 0n, credit: 0n, closingDebit: 0n, closingCredit: 0n };
const NO_ACCOUNTS: PersistentMap<string, AccountTotals> = PersistentMap.empty();

type Mode = 'opening' | 'voucher' | 'closing';

/** The totals with one line posted: a new record, the old one unchanged. */
const posted = (t: AccountTotals, fen: bigint, debit: boolean, mode: Mode): AccountTotals => {
  const { opening, debit: d, credit, closingDebit, closingCredit } = t;
  if (mode === 'opening') return { opening: opening + (debit ? fen : -fen), debit: d, credit, closingDebit, closingCredit };
  if (mode === 'voucher') return debit ? { opening, debit: d + fen, credit, closingDebit, closingCredit } : { opening, debit: d, credit: credit + fen, closingDebit, closingCredit };
  return debit ? { opening, debit: d, credit, closingDebit: closingDebit + fen, closingCredit } : { opening, debit: d, credit, closingDebit, closingCredit: closingCredit + fen };
};

/** What an event posts, and how; `undefined` for one after the window. */
const postingOf = (window: Window, event: LedgerEvent) => {
  const date = event.type === 'VoucherPosted' ? event.data.date : event.data.closedOn;
  if (date > window.to) return undefined;
  const lines = event.type === 'VoucherPosted' ? event.data.lines : event.data.entries;
  const mode: Mode = date < window.from ? 'opening' : event.type === 'VoucherPosted' ? 'voucher' : 'closing';
  return { organizationId: event.data.organizationId, lines, mode };
};

const postLines = (before: PersistentMap<string, AccountTotals> | undefined, lines: readonly VoucherLine[], mode: Mode): PersistentMap<string, AccountTotals> => {
  let accounts = before ?? NO_ACCOUNTS;
  for (const line of lines) {
    const fen = line.amount.toFen();
    const debit = line.side === 'debit';
    accounts = accounts.update(line.account, (totals = ZERO) => posted(totals, fen, debit, mode));
  }
  return accounts;
};

/** A batch of events posted into drafts of each organization's accounts, then set into the balances once. */
const postAll = (window: Window, balances: BalancesState, events: readonly DecodedEvent<LedgerEvent>[]): BalancesState => {
  const drafts = new Map<string, MapDraft<string, AccountTotals>>();
  for (const { event } of events) {
    const posting = postingOf(window, event);
    if (posting === undefined) continue;
    let accounts = drafts.get(posting.organizationId);
    if (accounts === undefined) drafts.set(posting.organizationId, (accounts = new MapDraft(balances.get(posting.organizationId) ?? NO_ACCOUNTS)));
    for (const { account, amount, side } of posting.lines) accounts.set(account, posted(accounts.get(account) ?? ZERO, amount.toFen(), side === 'debit', posting.mode));
  }
  let next = balances;
  for (const [organizationId, accounts] of drafts) next = next.set(organizationId, accounts.commit());
  return next;
};

/**
 * Account balances of every village over a window, read from vouchers and
 * year-end closes: what the trial balance, the balance sheet, the income
 * statement and the income tiers are computed from. Each event gives a new
 * state sharing all but the changed accounts with the old one; a batch of
 * events, one new state.
 */
export const accountBalances = (window: Window): Projection<BalancesState, LedgerEvent> => ({
  name: `account-balances ${window.from}..${window.to}`,
  handles: ['VoucherPosted', 'YearClosed'],
  init: () => PersistentMap.empty(),
  apply: (balances, { event }) => {
    const posting = postingOf(window, event);
    if (posting === undefined) return balances;
    return balances.update(posting.organizationId, (accounts) => postLines(accounts, posting.lines, posting.mode));
  },
  applyAll: (balances, events) => postAll(window, balances, events),
});

/** The window of a fiscal year, cut at `asOf` when given. */
export const yearWindow = (year: number, asOf?: string): Window => ({
  from: `${year}-01-01`,
  to: asOf !== undefined && asOf < `${year}-12-31` ? asOf : `${year}-12-31`,
});
