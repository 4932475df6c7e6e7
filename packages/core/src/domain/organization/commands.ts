import * as t from 'io-ts';
import { Id, NonEmptyString } from '../../codecs/primitives.js';
import { OrganizationKind } from './events.js';

/** What a user asks for; validated at the boundary by this codec. */
export const RegisterOrganizationInput = t.intersection([
  t.type({ organizationId: Id, kind: OrganizationKind, code: NonEmptyString, name: NonEmptyString }),
  t.partial({ parentId: Id }),
]);
export type RegisterOrganizationInput = t.TypeOf<typeof RegisterOrganizationInput>;

/** The command the decider sees: the input plus the parent's kind, read from the parent's stream. */
export interface RegisterOrganization {
  readonly type: 'RegisterOrganization';
  readonly input: RegisterOrganizationInput;
  /** `undefined` when the parent is not registered (or none was named). */
  readonly parentKind: OrganizationKind | undefined;
}

export type OrganizationCommand = RegisterOrganization;
