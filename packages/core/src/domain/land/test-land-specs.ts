import { specFor } from '@collective-ledger/testing';
import type * as t from 'io-ts';
import type { EventDefinition } from '../../kernel/catalog.js';
import type { DomainEvent } from '../../kernel/event.js';
import { decoded } from '../../test-support/decoded.js';
import type { OrganizationKind } from '../organization/events.js';
import type { MemberRecord, RegisteredHousehold, VillageRegister } from '../organization/member-register.js';
import { landRegisterDecider, type LandCommand } from './decider.js';
import type { LandEvent } from './events.js';
import { landInputCodecs, type LandInputs } from './inputs.js';

/*
 * Given/when/then for village `v`'s land register, with households h1, h2
 * and h3 (members m1, m2, m3) on its member register. For tests.
 */

const household = (householdId: string, head: string): [string, RegisteredHousehold] => [householdId, { householdId, head, address: undefined, registeredOn: '2015-01-01', erasedOn: undefined }];
const member = (memberId: string, householdId: string): [string, MemberRecord] => [
  memberId,
  { memberId, name: memberId, idNumber: undefined, phone: undefined, joinedOn: '2015-01-01', joinReason: 'founding', homes: [{ householdId, from: '2015-01-01' }], leftOn: undefined, leaveReason: undefined, erasedOn: undefined },
];

export const village: VillageRegister = {
  households: new Map([household('h1', '张一'), household('h2', '李二'), household('h3', '王三')]),
  members: new Map([member('m1', 'h1'), member('m2', 'h2'), member('m3', 'h3')]),
};

const spec = specFor(landRegisterDecider);

/** `given(...events).when(command)` on village `v`'s land register. */
export const given = (...history: readonly LandEvent[]) => spec(history);

/** The command `type` with this plain-JSON input (of `v` unless it names another organization), decoded. */
export const landCommand = (type: keyof LandInputs, input: object, organizationKind: OrganizationKind | undefined = 'village'): LandCommand => ({
  type,
  input: decoded(landInputCodecs[type] as t.Type<unknown>, { organizationId: 'v', ...input }),
  organizationKind,
  members: village,
}) as LandCommand;

/** A land event of `v` from its data as JSON. */
export const landEvent = <Type extends string, Data>(definition: EventDefinition<Type, Data>, data: object): DomainEvent<Type, Data> & LandEvent =>
  ({ type: definition.type, data: decoded(definition.codec, { organizationId: 'v', ...data }) }) as DomainEvent<Type, Data> & LandEvent;

export { consents, parcel, transfer } from './test-land-inputs.js';
