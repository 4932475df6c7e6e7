import * as t from 'io-ts';
import { struct } from '../../codecs/struct.js';
import { Id, IsoDate, NonEmptyString } from '../../codecs/primitives.js';
import { defineOrganizationEvent } from '../../kernel/catalog.js';
import { PersonalText } from '../../personal-data/sealed-field.js';

/**
 * Why a person became a member (成员资格的取得): 原始成员 recognised at the
 * founding register, birth (出生), marriage into the village (婚入), moving in
 * (迁入), or another reason the members' assembly recognised.
 */
export const JoinReason = t.keyof(
  { founding: null, birth: null, marriage: null, 'moving-in': null, other: null },
  'founding, birth, marriage, moving-in or other',
);
export type JoinReason = t.TypeOf<typeof JoinReason>;

/** Why membership ended (成员资格的丧失): death (死亡), marriage out (婚出), moving away (迁出), or another reason. */
export const LeaveReason = t.keyof(
  { death: null, marriage: null, 'moving-away': null, other: null },
  'death, marriage, moving-away or other',
);
export type LeaveReason = t.TypeOf<typeof LeaveReason>;

/**
 * 农户: a household of a village, named by its head (户主). Its registration
 * date is the event's business date (`occurredOn`), not a field. `address`
 * is personal data: commands seal it with the household's key
 * (docs/personal-data.md); an event recorded before sealing holds it plain.
 */
export const HouseholdRegisteredData = struct(
  'a household',
  { organizationId: Id, householdId: Id, head: NonEmptyString },
  { address: PersonalText },
);
export type HouseholdRegisteredData = t.TypeOf<typeof HouseholdRegisteredData>;

/** What a member's joining records besides the personal fields. */
export const memberJoiningFields = {
  organizationId: Id,
  memberId: Id,
  householdId: Id,
  name: NonEmptyString,
  joinedOn: IsoDate,
  reason: JoinReason,
};

/**
 * 成员: a person recognised as a member of the village's collective, in a
 * household, from `joinedOn`. `idNumber` (公民身份号码) is kept as written: its
 * checksum is not checked, since old 15-digit numbers and typos on paper
 * registers still have to be recorded. It is personal data: commands seal it
 * with the member's key (docs/personal-data.md); an event recorded before
 * sealing holds it plain. `phone` (联系电话) is personal data too, sealed
 * with the same key.
 */
export const MemberJoinedData = struct('a member joining', memberJoiningFields, { idNumber: PersonalText, phone: PersonalText, note: t.string });
export type MemberJoinedData = t.TypeOf<typeof MemberJoinedData>;

/** Membership ends on `leftOn`: the member is no longer a member on that date. */
export const MemberLeftData = struct(
  'a member leaving',
  { organizationId: Id, memberId: Id, leftOn: IsoDate, reason: LeaveReason },
  { note: t.string },
);
export type MemberLeftData = t.TypeOf<typeof MemberLeftData>;

/** 分户 (or any change of household): the member belongs to `toHouseholdId` from `movedOn`. */
export const MemberMovedHouseholdData = t.type({
  organizationId: Id,
  memberId: Id,
  fromHouseholdId: Id,
  toHouseholdId: Id,
  movedOn: IsoDate,
});
export type MemberMovedHouseholdData = t.TypeOf<typeof MemberMovedHouseholdData>;

/**
 * The member's personal fields were erased on `erasedOn` (their key
 * destroyed): they read as erased from then on, in every copy of the ledger.
 * It holds no personal data itself; `reason` says on what ground (a request
 * under the PIPL, say).
 */
export const MemberPersonalDataErasedData = t.type({ organizationId: Id, memberId: Id, erasedOn: IsoDate, reason: NonEmptyString });
export type MemberPersonalDataErasedData = t.TypeOf<typeof MemberPersonalDataErasedData>;

/**
 * The household's personal fields (its address) were erased on `erasedOn`
 * (the household's key destroyed): they read as erased from then on. It
 * holds no personal data itself.
 */
export const HouseholdPersonalDataErasedData = t.type({ organizationId: Id, householdId: Id, erasedOn: IsoDate, reason: NonEmptyString });
export type HouseholdPersonalDataErasedData = t.TypeOf<typeof HouseholdPersonalDataErasedData>;

export interface HouseholdRegistered {
  readonly type: 'HouseholdRegistered';
  readonly data: HouseholdRegisteredData;
}
export interface MemberJoined {
  readonly type: 'MemberJoined';
  readonly data: MemberJoinedData;
}
export interface MemberLeft {
  readonly type: 'MemberLeft';
  readonly data: MemberLeftData;
}
export interface MemberMovedHousehold {
  readonly type: 'MemberMovedHousehold';
  readonly data: MemberMovedHouseholdData;
}

export interface MemberPersonalDataErased {
  readonly type: 'MemberPersonalDataErased';
  readonly data: MemberPersonalDataErasedData;
}

export interface HouseholdPersonalDataErased {
  readonly type: 'HouseholdPersonalDataErased';
  readonly data: HouseholdPersonalDataErasedData;
}

/** The events of a village's member register; they live in the village's organization stream. */
export type MemberEvent = HouseholdRegistered | MemberJoined | MemberLeft | MemberMovedHousehold | MemberPersonalDataErased | HouseholdPersonalDataErased;

export const householdRegistered = defineOrganizationEvent('HouseholdRegistered', HouseholdRegisteredData);

export const memberJoined = defineOrganizationEvent('MemberJoined', MemberJoinedData);

export const memberLeft = defineOrganizationEvent('MemberLeft', MemberLeftData);

export const memberMovedHousehold = defineOrganizationEvent('MemberMovedHousehold', MemberMovedHouseholdData);

export const memberPersonalDataErased = defineOrganizationEvent('MemberPersonalDataErased', MemberPersonalDataErasedData);

export const householdPersonalDataErased = defineOrganizationEvent('HouseholdPersonalDataErased', HouseholdPersonalDataErasedData);

export const memberEvents = [householdRegistered, memberJoined, memberLeft, memberMovedHousehold, memberPersonalDataErased, householdPersonalDataErased] as const;

export const memberEventTypes: readonly MemberEvent['type'][] = memberEvents.map((definition) => definition.type);
