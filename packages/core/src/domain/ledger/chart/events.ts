import * as t from 'io-ts';
import { struct } from '../../../codecs/struct.js';
import { Id, NonEmptyString, refinedString } from '../../../codecs/primitives.js';
import { defineOrganizationEvent } from '../../../kernel/catalog.js';
import type { AccountCodeBrand } from '../voucher-codec.js';

/** An account code extending a standard account by one or more pairs of digits (`15101`, `1510101`). */
export const SubAccountCode = refinedString<AccountCodeBrand>(
  'a sub-account code (3 digits followed by one or more pairs of digits)',
  (s) => /^\d{3}(\d{2})+$/.test(s),
);

/** A village added a 明细科目 to its chart of accounts. */
export const SubAccountDeclaredData = struct(
  'a sub-account declaration',
  { organizationId: Id, code: SubAccountCode, nameZh: NonEmptyString },
  { nameEn: NonEmptyString },
);
export type SubAccountDeclaredData = t.TypeOf<typeof SubAccountDeclaredData>;

export interface SubAccountDeclared {
  readonly type: 'SubAccountDeclared';
  readonly data: SubAccountDeclaredData;
}

export const subAccountDeclared = defineOrganizationEvent('SubAccountDeclared', SubAccountDeclaredData);

/** 102 银行存款 or an account under it (`10201`). */
export const BankAccountCode = refinedString<AccountCodeBrand>('a bank account code (102, or 102 followed by pairs of digits)', (s) => /^102(\d{2})*$/.test(s));

/** A village's bank lets this account (and every sub-account under it) be overdrawn (透支): a voucher may leave it with a credit balance. */
export const BankOverdraftAllowedData = t.type({ organizationId: Id, account: BankAccountCode });
export type BankOverdraftAllowedData = t.TypeOf<typeof BankOverdraftAllowedData>;

export interface BankOverdraftAllowed {
  readonly type: 'BankOverdraftAllowed';
  readonly data: BankOverdraftAllowedData;
}

export const bankOverdraftAllowed = defineOrganizationEvent('BankOverdraftAllowed', BankOverdraftAllowedData);

export type ChartEvent = SubAccountDeclared | BankOverdraftAllowed;

export const chartEvents = [subAccountDeclared, bankOverdraftAllowed] as const;

/** One stream per village: its sub-accounts and the bank accounts it may overdraw, in the order they were declared. */
export const chartStream = (villageId: string): string => `chart-${villageId}`;
