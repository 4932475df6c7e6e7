/**
 * The example's district: six townships and 94 villages, the size of the
 * Shanxi district in the source article (2022: 94 villages with a collective
 * economy, six townships). Every name and code here is invented for the
 * example; none is a real place.
 */
export const district = { organizationId: 'd-shifan', kind: 'district', code: '149901', name: '示范郊区' } as const;

/** A village with a story from the article, placed in a fixed township under an invented name. */
export type Story = 'tourism' | 'red-tourism' | 'clothing-workshop' | 'property-company';

export interface Village {
  readonly organizationId: string;
  readonly kind: 'village';
  readonly code: string;
  readonly name: string;
  readonly parentId: string;
  readonly story?: Story;
}

interface TownshipSpec {
  readonly id: string;
  readonly name: string;
  readonly villages: number;
  readonly stories: readonly (readonly [Story, string])[];
}

const townshipSpecs: readonly TownshipSpec[] = [
  { id: 't-dongping', name: '东坪镇', villages: 16, stories: [] },
  { id: 't-taoyuan', name: '桃源镇', villages: 16, stories: [['tourism', '桃花沟村']] },
  { id: 't-hongling', name: '红岭乡', villages: 16, stories: [['red-tourism', '南岭村']] },
  {
    id: 't-hewan',
    name: '河湾镇',
    villages: 16,
    stories: [
      ['clothing-workshop', '程家坪村'],
      ['property-company', '新民村'],
    ],
  },
  { id: 't-xishan', name: '西山乡', villages: 15, stories: [] },
  { id: 't-beichuan', name: '北川乡', villages: 15, stories: [] },
];

export const townships = townshipSpecs.map((t, i) => ({
  organizationId: t.id,
  kind: 'township' as const,
  code: `${district.code}${100 + i}`,
  name: t.name,
  parentId: district.organizationId,
}));

const SURNAMES = Array.from('张李王赵刘陈杨孙周吴郑冯何马高林郭罗梁宋韩唐许邓曹彭曾萧田董');
const PLACES = ['家庄', '家沟', '家峪', '家坪'];

/** Invented village names: a surname and a place word, each name once. */
const genericNames = function* (): Generator<string> {
  for (const place of PLACES) {
    for (const surname of SURNAMES) yield `${surname}${place}村`;
  }
};

const buildVillages = (): Village[] => {
  const names = genericNames();
  return townshipSpecs.flatMap((spec, t) => {
    const township = townships[t];
    if (township === undefined) return [];
    return Array.from({ length: spec.villages }, (_, v): Village => {
      const story = spec.stories[v];
      const name = story?.[1] ?? String(names.next().value);
      return {
        organizationId: `v-${String(t + 1).padStart(2, '0')}${String(v + 1).padStart(2, '0')}`,
        kind: 'village',
        code: `${township.code}${200 + v}`,
        name,
        parentId: township.organizationId,
        ...(story === undefined ? {} : { story: story[0] }),
      };
    });
  });
};

/** The 94 villages, township by township; the article's single villages come first in their townships. */
export const villages: readonly Village[] = buildVillages();
