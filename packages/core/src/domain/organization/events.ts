import * as t from 'io-ts';
import { struct } from '../../codecs/struct.js';
import { Id, NonEmptyString } from '../../codecs/primitives.js';
import { defineOrganizationEvent } from '../../kernel/catalog.js';
import { memberEvents, type MemberEvent } from './member-events.js';

/** 区/县 district, 乡镇 township, 村 village (one collective economic organization each). */
export const OrganizationKind = t.keyof({ district: null, township: null, village: null }, 'district, township or village');
export type OrganizationKind = t.TypeOf<typeof OrganizationKind>;

export const OrganizationRegisteredData = struct(
  'an organization',
  {
    organizationId: Id,
    kind: OrganizationKind,
    /** The statistical code of the organization (e.g. 统一社会信用代码 or the area code). */
    code: NonEmptyString,
    name: NonEmptyString,
  },
  { parentId: Id },
);
export type OrganizationRegisteredData = t.TypeOf<typeof OrganizationRegisteredData>;

export interface OrganizationRegistered {
  readonly type: 'OrganizationRegistered';
  readonly data: OrganizationRegisteredData;
}

export const organizationRegistered = defineOrganizationEvent('OrganizationRegistered', OrganizationRegisteredData);

/** Everything in an organization stream: its registration, and for a village its households and members. */
export type OrganizationEvent = OrganizationRegistered | MemberEvent;

export const organizationEvents = [organizationRegistered, ...memberEvents] as const;

/**
 * One stream per organization. A village's households and members live in its
 * stream too: the village decides about its own members, so one stream is the
 * consistency boundary (a member id is taken once, a household exists before
 * anyone joins it).
 */
export const organizationStream = (organizationId: string): string => `organization-${organizationId}`;
