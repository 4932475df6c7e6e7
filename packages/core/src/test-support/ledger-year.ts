import { Chart } from '../domain/ledger/chart/index.js';
import type { PreviousYear, PostVoucher } from '../domain/ledger/commands.js';
import { YearClosedData } from '../domain/ledger/closing-codec.js';
import type { LedgerEvent } from '../domain/ledger/events.js';
import type { CloseLedgerYear, SubLedgerOperation } from '../domain/ledger/ledger-year.js';
import { VoucherData, type VoucherOrigin } from '../domain/ledger/voucher-codec.js';
import type { DomainEvent } from '../kernel/event.js';
import type { OrganizationKind } from '../domain/organization/events.js';
import { decoded } from './decoded.js';

/*
 * Village `v`'s ledger year as the ledger-year decider sees it, for
 * given/when/then specifications: the commands with the facts a service
 * would have read (the organization's kind, the chart, the last close), and
 * the events of the stream, each decoded through its codec.
 */

export type Line = readonly [account: string, side: 'debit' | 'credit', amount: string];

/** The standard chart with these sub-accounts declared, in order. */
export const chartWith = (...subAccounts: readonly (readonly [code: string, nameZh: string])[]): Chart =>
  subAccounts.reduce((chart, [code, nameZh]) => chart.withSubAccount({ code, nameZh }), Chart.standard());

/** A voucher of village `v`, summarised `凭证 <number>` (as testLedger posts it), decoded. */
export const voucherOf = (voucherNo: string, date: string, lines: readonly Line[], extra: object = {}): VoucherData =>
  decoded(VoucherData, {
    organizationId: 'v',
    voucherNo,
    date,
    summary: `凭证 ${voucherNo}`,
    lines: lines.map(([account, side, amount]) => ({ account, side, amount })),
    ...extra,
  });

/** What a command of village `v` reads from other streams; by default a village with the standard chart. */
export interface VillageFacts {
  readonly organizationId?: string;
  readonly organizationKind?: OrganizationKind | undefined;
  readonly chart?: Chart;
}

const kindOf = (facts: VillageFacts): OrganizationKind | undefined => ('organizationKind' in facts ? facts.organizationKind : 'village');

/** What a voucher or an operation reads besides the village: the balances the last close carried (signed fen), none unless given. */
export type OperationFacts = VillageFacts & { readonly carried?: ReadonlyMap<string, bigint> };

/** Post `voucher`, with the balances the last close carried (signed fen) when a line needs them. */
export const postVoucher = (voucher: VoucherData, facts: OperationFacts = {}): PostVoucher => ({
  type: 'PostVoucher',
  voucher,
  organizationKind: kindOf(facts),
  chart: facts.chart ?? Chart.standard(),
  carried: facts.carried ?? new Map(),
});

/** 年终结账 of `year`, of village `v` unless the facts name another organization, after the books before it were left as `previousYear`. */
export const closeYear = (
  year: number,
  facts: VillageFacts & { readonly previousYear?: PreviousYear; readonly nextYear?: readonly DomainEvent[] } = {},
): CloseLedgerYear => ({
  type: 'CloseYear',
  organizationId: facts.organizationId ?? 'v',
  year,
  organizationKind: kindOf(facts),
  chart: facts.chart ?? Chart.standard(),
  previousYear: facts.previousYear ?? { status: 'none' },
  nextYear: facts.nextYear ?? [],
});

/** A sub-ledger's operation, of village `v` unless the facts name another organization, dated `date`. */
export const operationOf = (subLedger: VoucherOrigin, command: unknown, date: string, facts: OperationFacts = {}): SubLedgerOperation => ({
  type: 'SubLedgerOperation',
  subLedger,
  command,
  organizationId: facts.organizationId ?? 'v',
  date,
  organizationKind: kindOf(facts),
  chart: facts.chart ?? Chart.standard(),
  carried: facts.carried ?? new Map(),
});

export const posted = (voucher: VoucherData): LedgerEvent => ({ type: 'VoucherPosted', data: voucher });

/** What a close carries of sub-ledgers that hold nothing: an empty asset register and no dividends owed (no debts or contracts: nothing at all of them). */
export const EMPTY_REGISTERS = { assets: { fixed: [], resources: [], investments: [] }, shares: { declarations: [], settled: [] } } as const;

/** A close of village `v`'s `year` on 31 December; the registers carried are empty unless given. */
export const yearClosed = (year: number, data: { entries: readonly object[]; netIncome: string; carried: readonly object[]; registers?: object }): LedgerEvent => ({
  type: 'YearClosed',
  data: decoded(YearClosedData, { organizationId: 'v', year, closedOn: `${year}-12-31`, registers: EMPTY_REGISTERS, ...data }),
});

/** A line of a closing entry or a generated voucher, as JSON. */
export const entry = ([account, side, amount]: Line) => ({ account, side, amount });
