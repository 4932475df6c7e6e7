import type { NewEvent } from '../kernel/event.js';

/** An organization's registration as a scope reads it: its id and the organization above it. */
export interface Registration {
  readonly organizationId: string;
  readonly parentId: string | undefined;
}

/**
 * How streams and events name their organization. The default is the
 * domain's naming (`organizationLayout`); a store of other streams passes its own.
 */
export interface ScopeLayout {
  /** The organization a stream belongs to, or `undefined` for a stream of no organization (never in a scope). */
  readonly organizationOfStream: (streamId: string) => string | undefined;
  /** The stream that holds an organization's registration, first. */
  readonly registrationStream: (organizationId: string) => string;
  /** The registration an event is, or `undefined`. */
  readonly registrationOf: (event: NewEvent) => Registration | undefined;
  /** The organization an event's data names, or `undefined` when it names none. */
  readonly organizationOfEvent: (event: NewEvent) => string | undefined;
}

const STREAM = /^(?:organization|chart|shares|land)-(.+)$/;
const LEDGER = /^(?:ledger|household-income)-(.+)-\d{4}$/;

/** `organization-<id>`, `chart-<id>`, `shares-<id>`, `land-<id>`, `ledger-<id>-<year>`, `household-income-<id>-<year>`: the organization the domain's streams belong to. */
export const organizationOfStream = (streamId: string): string | undefined => LEDGER.exec(streamId)?.[1] ?? STREAM.exec(streamId)?.[1];

const stringField = (event: NewEvent, field: string): string | undefined => {
  const value = event.data[field];
  return typeof value === 'string' ? value : undefined;
};

/** The domain's layout: every event's data names its organization (`organizationId`); `OrganizationRegistered` names its parent. */
export const organizationLayout: ScopeLayout = {
  organizationOfStream,
  registrationStream: (organizationId) => `organization-${organizationId}`,
  registrationOf: (event) => {
    const organizationId = stringField(event, 'organizationId');
    if (event.type !== 'OrganizationRegistered' || organizationId === undefined) return undefined;
    return { organizationId, parentId: stringField(event, 'parentId') };
  },
  organizationOfEvent: (event) => stringField(event, 'organizationId'),
};
