import * as t from 'io-ts';
import { Id } from '../../codecs/primitives.js';
import type { OrganizationKind } from '../organization/events.js';
import type { Chart } from './chart/index.js';
import { FiscalYear, VoucherData } from './voucher-codec.js';

/** Input of `postVoucher`: the voucher itself, validated by the same codec as the event. */
export const PostVoucherInput = VoucherData;
/** What a caller sends: plain JSON, amounts as decimal strings. */
export type PostVoucherInput = t.OutputOf<typeof PostVoucherInput>;
/** What the codec decodes it to. */
export type PostVoucherInputValue = VoucherData;

/**
 * The command the decider sees: the voucher, and the facts read from other
 * streams: the organization's kind and the village's chart of accounts.
 */
export interface PostVoucher {
  readonly type: 'PostVoucher';
  readonly voucher: VoucherData;
  readonly organizationKind: OrganizationKind | undefined;
  readonly chart: Chart;
  /**
   * Balances the year opens with, signed fen, debit positive: what the
   * previous close carried, or, while that year is open, `carriedSoFar`
   * from it. Only read when a line is on cash, bank or an account that has
   * sub-accounts; otherwise empty.
   */
  readonly carried: ReadonlyMap<string, bigint>;
}

/** Input of `closeYear`: the village and the year. */
export const CloseYearInput = t.type({ organizationId: Id, year: FiscalYear });
/** What a caller sends: plain JSON. */
export type CloseYearInput = t.OutputOf<typeof CloseYearInput>;
/** What the codec decodes it to. */
export type CloseYearInputValue = t.TypeOf<typeof CloseYearInput>;

/** What the books before a year left: none at all, or the last year with books, still open or closed with these balances. */
export type PreviousYear =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly year: number }
  | { readonly status: 'closed'; readonly year: number; readonly carried: ReadonlyMap<string, bigint> };

/** 年终结账 of one village's year. Balances are signed fen, debit positive. */
export interface CloseYear {
  readonly type: 'CloseYear';
  readonly organizationId: string;
  readonly year: number;
  readonly organizationKind: OrganizationKind | undefined;
  readonly chart: Chart;
  readonly previousYear: PreviousYear;
}

export type LedgerCommand = PostVoucher | CloseYear;
