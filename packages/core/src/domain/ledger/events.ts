import { defineEvent } from '../../kernel/catalog.js';
import { VoucherData } from './voucher-codec.js';

/** 记账凭证已过账: a posted voucher. Never edited; a mistake is reversed by a new voucher naming it in `reverses`. */
export interface VoucherPosted {
  readonly type: 'VoucherPosted';
  readonly data: VoucherData;
}

export const voucherPosted = defineEvent({
  type: 'VoucherPosted',
  codec: VoucherData,
  schemaVersion: 1,
  organizationOf: (data) => data.organizationId,
});

export type LedgerEvent = VoucherPosted;

export const ledgerEvents = [voucherPosted] as const;

/** All vouchers of one village and fiscal year live in one stream (docs/architecture.md). */
export const ledgerStream = (organizationId: string, fiscalYear: number | string): string =>
  `ledger-${organizationId}-${fiscalYear}`;
