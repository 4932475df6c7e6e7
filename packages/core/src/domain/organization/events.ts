import * as t from 'io-ts';
import { Id, NonEmptyString } from '../../codecs/primitives.js';
import { defineEvent } from '../../kernel/catalog.js';

/** 区/县 district, 乡镇 township, 村 village (one collective economic organization each). */
export const OrganizationKind = t.keyof({ district: null, township: null, village: null }, 'district, township or village');
export type OrganizationKind = t.TypeOf<typeof OrganizationKind>;

export const OrganizationRegisteredData = t.intersection([
  t.type({
    organizationId: Id,
    kind: OrganizationKind,
    /** The statistical code of the organization (e.g. 统一社会信用代码 or the area code). */
    code: NonEmptyString,
    name: NonEmptyString,
  }),
  t.partial({ parentId: Id }),
]);
export type OrganizationRegisteredData = t.TypeOf<typeof OrganizationRegisteredData>;

export interface OrganizationRegistered {
  readonly type: 'OrganizationRegistered';
  readonly data: OrganizationRegisteredData;
}

export const organizationRegistered = defineEvent({
  type: 'OrganizationRegistered',
  codec: OrganizationRegisteredData,
  schemaVersion: 1,
  organizationOf: (data) => data.organizationId,
});

export type OrganizationEvent = OrganizationRegistered;

export const organizationEvents = [organizationRegistered] as const;

/** One stream per organization. */
export const organizationStream = (organizationId: string): string => `organization-${organizationId}`;
