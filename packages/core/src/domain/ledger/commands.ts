import { VoucherData } from './voucher-codec.js';

/** Input of `postVoucher`: the voucher itself, validated by the same codec as the event. */
export const PostVoucherInput = VoucherData;
export type PostVoucherInput = VoucherData;

/** The command the decider sees: the voucher and whether its organization is a registered village. */
export interface PostVoucher {
  readonly type: 'PostVoucher';
  readonly voucher: VoucherData;
  readonly organizationKind: 'district' | 'township' | 'village' | undefined;
}

export type LedgerCommand = PostVoucher;
