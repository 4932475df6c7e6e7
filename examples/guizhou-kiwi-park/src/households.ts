import { DEPUTY, type VillagePlan } from './county.js';
import { intBetween, seeded, splitUnits } from './random.js';

export type Role = 'adult' | 'elder' | 'child';

export interface PlannedMember {
  readonly memberId: string;
  readonly householdId: string;
  readonly name: string;
  readonly role: Role;
}

/** A parcel the household contracts: its id, kind and area in tenths of a mu. */
export interface PlannedParcel {
  readonly parcelId: string;
  readonly kind: 'dry-land' | 'forest' | 'paddy';
  readonly tenths: bigint;
}

export interface PlannedHousehold {
  readonly villageId: string;
  readonly householdId: string;
  readonly head: string;
  readonly members: readonly PlannedMember[];
  /** Hill land transferred for rent (荒山旱地), hill land pooled as land shares (if any), and the paddy the household keeps. */
  readonly rent: PlannedParcel;
  readonly shares: PlannedParcel | undefined;
  readonly kept: PlannedParcel;
}

const SURNAMES = ['任', '刘', '王', '陈', '罗', '杨', '张', '李', '周', '吴', '何', '赵'];
const GIVEN = ['富贵', '秀英', '明华', '桂芬', '德顺', '海燕', '光荣', '玉兰', '国强', '春花', '永福', '小红', '建军', '慧敏', '长江', '世杰'];

/** 任富荣, his wife 杨秀英 (both in the park), his parents and two children: "old and young in the family". */
const deputyMembers = (householdId: string): PlannedMember[] =>
  (
    [
      ['任富荣', 'adult'],
      ['杨秀英', 'adult'],
      ['任德明', 'elder'],
      ['罗桂芬', 'elder'],
      ['任小雨', 'child'],
      ['任小林', 'child'],
    ] as const
  ).map(([name, role], i) => ({ memberId: `${householdId}-${i + 1}`, householdId, name, role }));

const drawnMembers = (random: () => number, householdId: string): PlannedMember[] => {
  const surname = SURNAMES[intBetween(random, 0, SURNAMES.length - 1)] ?? '王';
  const roles: Role[] = ['adult', ...(random() < 0.8 ? (['adult'] as const) : []), ...Array.from({ length: intBetween(random, 0, 2) }, (): Role => 'elder'), ...Array.from({ length: intBetween(random, 0, 2) }, (): Role => 'child')];
  return roles.map((role, i) => ({ memberId: `${householdId}-${i + 1}`, householdId, name: `${surname}${GIVEN[intBetween(random, 0, GIVEN.length - 1)] ?? '明'}`, role }));
};

/**
 * A village's households, seeded: one or two adults, up to two elders and two
 * children; every household transfers its hill land for rent, some also pool
 * hill land as shares, and each keeps its paddy. The hill land adds up
 * exactly to the village's areas (largest remainders over drawn weights).
 */
export const plannedHouseholds = (village: VillagePlan, seed: number): PlannedHousehold[] => {
  const random = seeded(seed);
  const ids = Array.from({ length: village.households }, (_, h) => `${village.organizationId}-h${String(h + 1).padStart(3, '0')}`);
  const deputy = ids.map((id) => id === DEPUTY.householdId);
  const shared = ids.map((_, h) => deputy[h] === true || random() < 0.4);
  const fixed = (pick: (d: typeof DEPUTY) => bigint) => ids.reduce((sum, _, h) => sum + (deputy[h] === true ? pick(DEPUTY) : 0n), 0n);
  const rentWeights = ids.map((_, h) => (deputy[h] === true ? 0n : BigInt(intBetween(random, 40, 160))));
  const shareWeights = ids.map((_, h) => (deputy[h] === true || shared[h] !== true ? 0n : BigInt(intBetween(random, 40, 160))));
  const rent = splitUnits(village.rentTenths - fixed((d) => d.rentTenths), rentWeights);
  const shares = splitUnits(village.shareTenths - fixed((d) => d.shareTenths), shareWeights);
  return ids.map((householdId, h) => {
    const members = deputy[h] === true ? deputyMembers(householdId) : drawnMembers(random, householdId);
    const rentTenths = deputy[h] === true ? DEPUTY.rentTenths : (rent[h] ?? 0n);
    const shareTenths = deputy[h] === true ? DEPUTY.shareTenths : (shares[h] ?? 0n);
    return {
      villageId: village.organizationId,
      householdId,
      head: members[0]?.name ?? householdId,
      members,
      rent: { parcelId: `${householdId}-p1`, kind: 'dry-land', tenths: rentTenths },
      shares: shared[h] === true ? { parcelId: `${householdId}-p2`, kind: 'forest', tenths: shareTenths } : undefined,
      kept: { parcelId: `${householdId}-p3`, kind: 'paddy', tenths: BigInt(intBetween(random, 10, 40)) },
    };
  });
};
