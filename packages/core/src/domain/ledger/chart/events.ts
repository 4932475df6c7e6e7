import type * as t from 'io-ts';
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

export type ChartEvent = SubAccountDeclared;

export const chartEvents = [subAccountDeclared] as const;

/** One stream per village: its sub-accounts, in the order they were declared. */
export const chartStream = (villageId: string): string => `chart-${villageId}`;
