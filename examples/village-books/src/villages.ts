/** The example's district: one township and its villages (names invented for the example). */
export const district = { organizationId: 'd-xiaodian', kind: 'district', code: '140105', name: '示范区' } as const;

export const township = {
  organizationId: 't-beige',
  kind: 'township',
  code: '140105100',
  name: '北格镇',
  parentId: district.organizationId,
} as const;

export const villages = [
  { organizationId: 'v-zhangjia', code: '140105100201', name: '张家村' },
  { organizationId: 'v-lijia', code: '140105100202', name: '李家村' },
  { organizationId: 'v-dongshan', code: '140105100203', name: '东山村' },
  { organizationId: 'v-hexi', code: '140105100204', name: '河西村' },
  { organizationId: 'v-nanzhuang', code: '140105100205', name: '南庄村' },
].map((v) => ({ ...v, kind: 'village' as const, parentId: township.organizationId }));
