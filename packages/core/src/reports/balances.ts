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
  opening: bigint;
  debit: bigint;
  credit: bigint;
  closingDebit: bigint;
  closingCredit: bigint;
}

/** Per organization (village), per account code. */
export type Balances = Map<string, Map<string, AccountTotals>>;

/** `[from, to]`, both `YYYY-MM-DD`, inclusive. */
export interface Window {
  readonly from: string;
  readonly to: string;
}

/** The signed closing balance (debit positive) of an account's totals. */
export const closingBalance = (t: AccountTotals): bigint =>
  t.opening + t.debit - t.credit + t.closingDebit - t.closingCredit;

const totalsOf = (balances: Balances, organizationId: string, account: string): AccountTotals => {
  let accounts = balances.get(organizationId);
  if (accounts === undefined) balances.set(organizationId, (accounts = new Map<string, AccountTotals>()));
  let totals = accounts.get(account);
  if (totals === undefined) {
    accounts.set(account, (totals = { opening: 0n, debit: 0n, credit: 0n, closingDebit: 0n, closingCredit: 0n }));
  }
  return totals;
};

type Mode = 'opening' | 'voucher' | 'closing';

const postLine = (totals: AccountTotals, fen: bigint, debit: boolean, mode: Mode): void => {
  if (mode === 'opening') totals.opening += debit ? fen : -fen;
  else if (mode === 'voucher' && debit) totals.debit += fen;
  else if (mode === 'voucher') totals.credit += fen;
  else if (debit) totals.closingDebit += fen;
  else totals.closingCredit += fen;
};

const post = (balances: Balances, organizationId: string, lines: readonly VoucherLine[], mode: Mode): void => {
  for (const line of lines) {
    postLine(totalsOf(balances, organizationId, line.account), line.amount.toFen(), line.side === 'debit', mode);
  }
};

/**
 * Account balances of every village over a window, read from vouchers and
 * year-end closes: what the trial balance, the balance sheet, the income
 * statement and the income tiers are computed from. The state is a map the
 * projection extends in place (the runner owns it and folds forward only).
 */
export const accountBalances = (window: Window): Projection<Balances, LedgerEvent> => ({
  name: `account-balances ${window.from}..${window.to}`,
  handles: ['VoucherPosted', 'YearClosed'],
  init: () => new Map(),
  apply: (balances, { event }) => {
    const date = event.type === 'VoucherPosted' ? event.data.date : event.data.closedOn;
    if (date > window.to) return balances;
    const lines = event.type === 'VoucherPosted' ? event.data.lines : event.data.entries;
    const within = date >= window.from;
    post(balances, event.data.organizationId, lines, within ? (event.type === 'VoucherPosted' ? 'voucher' : 'closing') : 'opening');
    return balances;
  },
});

/** The window of a fiscal year, cut at `asOf` when given. */
export const yearWindow = (year: number, asOf?: string): Window => ({
  from: `${year}-01-01`,
  to: asOf !== undefined && asOf < `${year}-12-31` ? asOf : `${year}-12-31`,
});
