import type { DecodedEvent, DomainEvent } from '../../kernel/event.js';
import { MapDraft } from '../../kernel/map-draft.js';
import { PersistentMap } from '../../kernel/persistent-map.js';
import type { Projection } from '../../kernel/projection.js';
import type { JoinReason, LeaveReason, MemberEvent } from './member-events.js';
import { memberEventTypes } from './member-events.js';
import type { PersonalText } from '../../personal-data/sealed-field.js';

/** A household (农户) on the register, from the business date of its registration. */
export interface RegisteredHousehold {
  readonly householdId: string;
  /** 户主 */
  readonly head: string;
  /** As recorded: plain, or sealed with the household's key (open it with `openerFor`). */
  readonly address: PersonalText | undefined;
  readonly registeredOn: string;
  /** When the household's personal data was erased: its address reads as erased, whatever the date asked for. */
  readonly erasedOn: string | undefined;
}

/** The household a member belongs to from a date on (the joining date, then each move). */
export interface HouseholdSpell {
  readonly householdId: string;
  readonly from: string;
}

/** A member's whole history: when and why they joined, the households they belonged to, when and why they left. */
export interface MemberRecord {
  readonly memberId: string;
  readonly name: string;
  /** As recorded: plain, or sealed with the member's key (open it with `openerFor`). */
  readonly idNumber: PersonalText | undefined;
  /** As recorded, like `idNumber`. */
  readonly phone: PersonalText | undefined;
  readonly joinedOn: string;
  readonly joinReason: JoinReason;
  readonly homes: readonly HouseholdSpell[];
  readonly leftOn: string | undefined;
  readonly leaveReason: LeaveReason | undefined;
  /** When the member's personal data was erased: their personal fields read as erased, whatever the date asked for. */
  readonly erasedOn: string | undefined;
}

/** One village's register (成员名册): households and members in the order they were recorded. */
export interface VillageRegister {
  readonly households: ReadonlyMap<string, RegisteredHousehold>;
  readonly members: ReadonlyMap<string, MemberRecord>;
}

/** Every village's register, by village id. */
export type MemberRegister = ReadonlyMap<string, VillageRegister>;

/** A village's register as the projection keeps it: persistent maps, replaced entry by entry. */
export interface VillageRegisterState extends VillageRegister {
  readonly households: PersistentMap<string, RegisteredHousehold>;
  readonly members: PersistentMap<string, MemberRecord>;
}

const NO_VILLAGE: VillageRegisterState = { households: PersistentMap.empty(), members: PersistentMap.empty() };

/** A village's register being folded: its households and members in drafts, made into a new register once. */
interface VillageDraft {
  readonly households: MapDraft<string, RegisteredHousehold>;
  readonly members: MapDraft<string, MemberRecord>;
}

const draftOf = (village: VillageRegisterState): VillageDraft => ({ households: new MapDraft(village.households), members: new MapDraft(village.members) });

const committed = (draft: VillageDraft): VillageRegisterState => ({ households: draft.households.commit(), members: draft.members.commit() });

/** A member's record with `change` applied: a new record, the old one left as it was. */
const change = (draft: VillageDraft, memberId: string, changed: (member: MemberRecord) => MemberRecord): void => {
  const member = draft.members.get(memberId);
  if (member !== undefined) draft.members.set(memberId, changed(member));
};

const record = (draft: VillageDraft, event: MemberEvent, occurredOn: string): void => {
  switch (event.type) {
    case 'HouseholdRegistered': {
      const { householdId, head, address } = event.data;
      draft.households.set(householdId, { householdId, head, address, registeredOn: occurredOn, erasedOn: undefined });
      return;
    }
    case 'HouseholdPersonalDataErased': {
      const household = draft.households.get(event.data.householdId);
      if (household !== undefined) draft.households.set(event.data.householdId, { ...household, erasedOn: event.data.erasedOn });
      return;
    }
    case 'MemberJoined': {
      const { memberId, name, idNumber, phone, joinedOn, reason, householdId } = event.data;
      const homes = [{ householdId, from: joinedOn }];
      draft.members.set(memberId, { memberId, name, idNumber, phone, joinedOn, joinReason: reason, homes, leftOn: undefined, leaveReason: undefined, erasedOn: undefined });
      return;
    }
    case 'MemberPersonalDataErased':
      change(draft, event.data.memberId, (member) => ({ ...member, erasedOn: event.data.erasedOn }));
      return;
    case 'MemberLeft':
      change(draft, event.data.memberId, (member) => ({ ...member, leftOn: event.data.leftOn, leaveReason: event.data.reason }));
      return;
    case 'MemberMovedHousehold': {
      const home = { householdId: event.data.toHouseholdId, from: event.data.movedOn };
      change(draft, event.data.memberId, (member) => ({ ...member, homes: [...member.homes, home] }));
    }
  }
};

const registerTypes: ReadonlySet<string> = new Set(memberEventTypes);

/** The catalog decoded the event with its type's codec, so its type names its shape. */
const isMemberEvent = (event: DomainEvent): event is MemberEvent => registerTypes.has(event.type);

type MemberRegisterState = PersistentMap<string, VillageRegisterState>;

/** Events folded into a draft of each village they touch, the villages then set into the state once. */
const recordAll = (state: MemberRegisterState, events: readonly DecodedEvent[]): MemberRegisterState => {
  const drafts = new Map<string, VillageDraft>();
  for (const { event, metadata } of events) {
    if (!isMemberEvent(event)) continue;
    const id = event.data.organizationId;
    let draft = drafts.get(id);
    if (draft === undefined) drafts.set(id, (draft = draftOf(state.get(id) ?? NO_VILLAGE)));
    record(draft, event, metadata.occurredOn);
  }
  let next = state;
  for (const [id, draft] of drafts) next = next.set(id, committed(draft));
  return next;
};

/**
 * 成员名册: every village's households and members with their dates, folded
 * from the village streams. The whole history is kept, so one fold answers
 * "who was a member on D" for any date D (`membersOn`, `householdsOf`,
 * `countsOn`). Each event (or batch of events) gives a new state sharing
 * all but the changed entries with the old one (persistent maps), so a
 * large village still folds in linear time and an earlier state stays as it
 * was. It takes any event type, so it runs with `coreCatalog` or any
 * catalog extending it; `handles` keeps the others from even being decoded.
 */
export const memberRegister: Projection<MemberRegisterState> = {
  name: 'member-register',
  handles: memberEventTypes,
  init: () => PersistentMap.empty(),
  apply: (state, event) => recordAll(state, [event]),
  applyAll: recordAll,
};

/**
 * Membership is the half-open period [joinedOn, leftOn): a person is a member
 * on the day they join and no longer a member on the day they leave (the day
 * of death, of moving away).
 */
export const isMemberOn = (member: MemberRecord, date: string): boolean =>
  member.joinedOn <= date && (member.leftOn === undefined || date < member.leftOn);

/** The household a member belongs to on a date: the last move on or before it (or the one joined). */
export const householdOn = (member: MemberRecord, date: string): string | undefined => {
  let current: string | undefined;
  for (const home of member.homes) if (home.from <= date) current = home.householdId;
  return current;
};

/** A member as the register shows them on a date: nothing recorded after that date. */
export interface MemberOn {
  readonly memberId: string;
  readonly name: string;
  readonly idNumber: PersonalText | undefined;
  readonly phone: PersonalText | undefined;
  readonly householdId: string;
  readonly joinedOn: string;
  readonly joinReason: JoinReason;
  readonly erasedOn: string | undefined;
}

/** The members of a village on a date, in the order they joined. */
export const membersOn = (register: MemberRegister, villageId: string, date: string): MemberOn[] => {
  const members: MemberOn[] = [];
  for (const member of register.get(villageId)?.members.values() ?? []) {
    const householdId = householdOn(member, date);
    if (householdId === undefined || !isMemberOn(member, date)) continue;
    const { memberId, name, idNumber, phone, joinedOn, joinReason, erasedOn } = member;
    members.push({ memberId, name, idNumber, phone, householdId, joinedOn, joinReason, erasedOn });
  }
  return members;
};

export interface HouseholdOn extends RegisteredHousehold {
  /** The household's members on the date; empty once all have left or moved to other households. */
  readonly members: readonly MemberOn[];
}

/**
 * The households of a village on a date, in registration order, each with
 * its members on that date. A household is on the register from its
 * registration date (or from the first day it has a member, should a member
 * be dated earlier); it stays on it, possibly empty, since no event removes it.
 */
export const householdsOf = (register: MemberRegister, villageId: string, date: string): HouseholdOn[] => {
  const byHousehold = new Map<string, MemberOn[]>();
  for (const member of membersOn(register, villageId, date)) {
    const list = byHousehold.get(member.householdId);
    if (list === undefined) byHousehold.set(member.householdId, [member]);
    else list.push(member);
  }
  const households: HouseholdOn[] = [];
  for (const household of register.get(villageId)?.households.values() ?? []) {
    const members = byHousehold.get(household.householdId) ?? [];
    if (household.registeredOn <= date || members.length > 0) households.push({ ...household, members });
  }
  return households;
};

/** 户数 and 人数 on a date: households with at least one member, and members. */
export interface RegisterCounts {
  readonly households: number;
  readonly members: number;
}

export const countsOn = (register: MemberRegister, villageId: string, date: string): RegisterCounts => {
  const members = membersOn(register, villageId, date);
  return { households: new Set(members.map((m) => m.householdId)).size, members: members.length };
};
