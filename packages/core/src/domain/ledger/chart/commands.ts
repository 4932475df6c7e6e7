import * as t from 'io-ts';
import { struct } from '../../../codecs/struct.js';
import { Id, NonEmptyString } from '../../../codecs/primitives.js';
import { AccountCode } from '../voucher-codec.js';

/**
 * What a user asks for when declaring a 明细科目; validated at the boundary.
 * The code is any account code here, so a 3-digit code reaches the decider and
 * is refused with `SUB_ACCOUNT_NOT_EXTENDING`.
 */
export const DeclareSubAccountInput = struct(
  'a sub-account to declare',
  { organizationId: Id, code: AccountCode, nameZh: NonEmptyString },
  { nameEn: NonEmptyString },
);
/** What a caller sends: plain JSON. */
export type DeclareSubAccountInput = t.OutputOf<typeof DeclareSubAccountInput>;
/** What the codec decodes it to. */
export type DeclareSubAccountInputValue = t.TypeOf<typeof DeclareSubAccountInput>;

export interface DeclareSubAccount {
  readonly type: 'DeclareSubAccount';
  readonly input: DeclareSubAccountInputValue;
}

/**
 * What a user asks for when the bank lets an account be overdrawn (透支):
 * 102 or an account under it. Any account code here, so that another
 * account reaches the decider and is refused with `BANK_OVERDRAFT_NOT_BANK`.
 */
export const AllowBankOverdraftInput = t.type({ organizationId: Id, account: AccountCode });
/** What a caller sends: plain JSON. */
export type AllowBankOverdraftInput = t.OutputOf<typeof AllowBankOverdraftInput>;
/** What the codec decodes it to. */
export type AllowBankOverdraftInputValue = t.TypeOf<typeof AllowBankOverdraftInput>;

export interface AllowBankOverdraft {
  readonly type: 'AllowBankOverdraft';
  readonly input: AllowBankOverdraftInputValue;
}

export type ChartCommand = DeclareSubAccount | AllowBankOverdraft;
