import { defineOrganizationEvent } from '../../kernel/catalog.js';
import { YearClosedData } from './closing-codec.js';
import { VoucherData } from './voucher-codec.js';

/** 记账凭证已过账: a posted voucher. Never edited; a mistake is reversed by a new voucher naming it in `reverses`. */
export interface VoucherPosted {
  readonly type: 'VoucherPosted';
  readonly data: VoucherData;
}

export const voucherPosted = defineOrganizationEvent('VoucherPosted', VoucherData);

/** 年终结账: the year is closed; its closing entries and carried balances are in the event. */
export interface YearClosed {
  readonly type: 'YearClosed';
  readonly data: YearClosedData;
}

export const yearClosed = defineOrganizationEvent('YearClosed', YearClosedData);

export type LedgerEvent = VoucherPosted | YearClosed;

export const ledgerEvents = [voucherPosted, yearClosed] as const;

/** All vouchers of one village and fiscal year, and its close, live in one stream (docs/architecture.md). */
export const ledgerStream = (organizationId: string, fiscalYear: number | string): string =>
  `ledger-${organizationId}-${fiscalYear}`;

const LEDGER_STREAM = /^ledger-.+-(\d{4})$/;

/** The fiscal year of a `ledger-<villageId>-<year>` stream; `undefined` for a stream of another kind. */
export const ledgerStreamYear = (streamId: string): number | undefined => {
  const year = LEDGER_STREAM.exec(streamId)?.[1];
  return year === undefined ? undefined : Number(year);
};
