import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { Money } from '../../money/money.js';
import type { Chart } from './chart/index.js';
import type { CloseYear } from './commands.js';
import type { CarriedBalance, YearClosedData } from './closing-codec.js';
import { ledgerError, type LedgerError } from './errors.js';
import type { LedgerYearState } from './state.js';
import type { VoucherLine } from './voucher-codec.js';

type Balances = Map<string, bigint>;

const add = (balances: Balances, account: string, fen: bigint): void => {
  balances.set(account, (balances.get(account) ?? 0n) + fen);
};

/** A line moving `fen` (debit positive) on `account`; zero moves nothing. */
const line = (account: string, fen: bigint): VoucherLine[] =>
  fen === 0n
    ? []
    : [{ account, side: fen > 0n ? 'debit' : 'credit', amount: Money.fromFen(fen > 0n ? fen : -fen) } as VoucherLine];

const isProfitAndLoss = (chart: Chart, account: string): boolean => {
  const category = chart.account(account)?.category;
  return category === 'income' || category === 'expense';
};

/** The leaf of 322 that holds 未分配收益: 322 itself, or its sub-account named so (the close and the income statement agree on it). */
export const undistributedAccountOf = (chart: Chart): string | undefined => {
  if (chart.isLeaf('322')) return '322';
  return chart.leafAccounts().find((a) => a.code.startsWith('322') && a.nameZh.includes('未分配'))?.code;
};

const entriesFor = (chart: Chart, balances: Balances, undistributed: string): { entries: VoucherLine[]; net: bigint } => {
  const entries: VoucherLine[] = [];
  let net = 0n; // credit positive: income less expenses
  for (const [account, fen] of [...balances].sort(([a], [b]) => a.localeCompare(b))) {
    if (!isProfitAndLoss(chart, account) || fen === 0n) continue;
    entries.push(...line(account, -fen));
    net -= fen;
  }
  entries.push(...line('321', -net));
  // Everything 321 holds now (this year's income and any direct postings), then the other 322 leaves.
  const in321 = (balances.get('321') ?? 0n) - net;
  const toMove = [['321', in321] as const, ...[...balances].filter(([a]) => a.startsWith('322') && a !== undistributed)];
  for (const [account, fen] of toMove) {
    entries.push(...line(account, -fen), ...line(undistributed, fen));
  }
  return { entries, net };
};

const carriedAfter = (balances: Balances, entries: readonly VoucherLine[]): CarriedBalance[] => {
  const after = new Map(balances);
  for (const entry of entries) add(after, entry.account, entry.side === 'debit' ? entry.amount.toFen() : -entry.amount.toFen());
  return [...after]
    .filter(([, fen]) => fen !== 0n)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, fen]) => ({ account, balance: Money.fromFen(fen) }) as CarriedBalance);
};

/**
 * 年终结账: carry every profit-and-loss leaf into 321 本年收益, 321 and the other
 * 322 sub-accounts (各项分配) into 未分配收益, and compute the balances the next
 * year opens with. 181 待处理财产损溢 must be cleared first.
 */
export const closingOf = (command: CloseYear, state: LedgerYearState): Either<LedgerError, YearClosedData> => {
  const balances: Balances = new Map(command.previousYear.status === 'closed' ? command.previousYear.carried : []);
  for (const [account, fen] of state.movements) add(balances, account, fen);
  const pending = [...balances].filter(([a, fen]) => a.startsWith('181') && fen !== 0n);
  if (pending.length > 0) {
    const shown = pending.map(([a, fen]) => `${a} ${Money.fromFen(fen).toString()}`).join(', ');
    return left(ledgerError('YEAR_PENDING_DISPOSAL', `181 待处理财产损溢 must be cleared before closing ${command.year}: ${shown}`));
  }
  const undistributed = undistributedAccountOf(command.chart);
  if (undistributed === undefined || !command.chart.isLeaf('321')) {
    return left(ledgerError('YEAR_CLOSE_ACCOUNT_MISSING', 'the chart needs a leaf 321 本年收益 and 322 (or a 322 sub-account named 未分配收益) to close into'));
  }
  const { entries, net } = entriesFor(command.chart, balances, undistributed);
  return right({
    organizationId: command.organizationId,
    year: command.year,
    closedOn: `${command.year}-12-31`,
    entries,
    netIncome: Money.fromFen(net),
    carried: carriedAfter(balances, entries),
  } as YearClosedData);
};
