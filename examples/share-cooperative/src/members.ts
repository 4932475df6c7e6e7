import { HOUSEHOLDS } from './cooperative.js';
import { intBetween, seeded } from './random.js';

export interface PlannedMember {
  readonly memberId: string;
  readonly householdId: string;
  readonly name: string;
  /** Years of labour in the collective (农龄); 0 for children. */
  readonly labourYears: number;
}

export interface PlannedHousehold {
  readonly householdId: string;
  readonly head: string;
  readonly members: readonly PlannedMember[];
}

const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '秀英', '志强', '桂兰', '海燕', '文华', '小明', '丽娟', '国庆', '春梅', '卫东', '玉兰', '晓峰', '红霞', '德胜', '淑芬'];

/**
 * The founding register: households of one to five members; the head and the
 * adults have 5 to 40 years of labour, children none. Seeded, so the ledger is
 * the same on every machine.
 */
export const plannedHouseholds = (seed: number): PlannedHousehold[] => {
  const random = seeded(seed);
  return Array.from({ length: HOUSEHOLDS }, (_, h) => {
    const householdId = `h${String(h + 1).padStart(3, '0')}`;
    const surname = SURNAMES[intBetween(random, 0, SURNAMES.length - 1)] ?? '张';
    const size = intBetween(random, 1, 5);
    const members = Array.from({ length: size }, (_, m): PlannedMember => {
      const adult = m < 2 || random() < 0.5;
      return {
        memberId: `${householdId}-${m + 1}`,
        householdId,
        name: `${surname}${GIVEN[intBetween(random, 0, GIVEN.length - 1)] ?? '明'}`,
        labourYears: adult ? intBetween(random, 5, 40) : 0,
      };
    });
    return { householdId, head: members[0]?.name ?? surname, members };
  });
};

/** 农龄股: one share per ten years of labour, to a tenth of a share (23 years → 2.3), written as text from the whole years. */
export const labourShares = (years: number): string => `${Math.floor(years / 10)}.${years % 10}`;
