import * as t from 'io-ts';

/** 地类: paddy field (水田), dry land (旱地), irrigated land (水浇地), orchard or garden (园地), forest land (林地), other. */
export const ParcelKind = t.keyof(
  { paddy: null, 'dry-land': null, irrigated: null, garden: null, forest: null, other: null },
  'paddy, dry-land, irrigated, garden, forest or other',
);
export type ParcelKind = t.TypeOf<typeof ParcelKind>;

/** 流入方: a company (企业), a farmers' cooperative (合作社), a large grower (种养大户), a family farm (家庭农场), other. Never an organization of the tree. */
export const OperatorKind = t.keyof(
  { company: null, cooperative: null, 'large-grower': null, 'family-farm': null, other: null },
  'company, cooperative, large-grower, family-farm or other',
);
export type OperatorKind = t.TypeOf<typeof OperatorKind>;

/**
 * How the management right passes: `direct`, household to operator (the
 * operator pays the households); `collective`, through the village
 * collective as intermediary (委托流转: the collective collects the rent on
 * the collective's books and pays it on).
 */
export const TransferChannel = t.keyof({ direct: null, collective: null }, 'direct or collective');
export type TransferChannel = t.TypeOf<typeof TransferChannel>;

/** Why a transfer ended early (提前解除): agreed, the operator's breach, the households', requisition (征收), the operator gone, other. */
export const LandTerminationReason = t.keyof(
  { 'mutual-agreement': null, 'operator-breach': null, 'household-breach': null, requisition: null, 'operator-gone': null, other: null },
  'mutual-agreement, operator-breach, household-breach, requisition, operator-gone or other',
);
export type LandTerminationReason = t.TypeOf<typeof LandTerminationReason>;

/** What a household is paid on its land: rent (流转租金), the guaranteed return of land shares (保底收益), a land-share dividend (按股分红). */
export const LandIncomePart = t.keyof({ rent: null, 'guaranteed-return': null, dividend: null }, 'rent, guaranteed-return or dividend');
export type LandIncomePart = t.TypeOf<typeof LandIncomePart>;
export const LAND_INCOME_PARTS: readonly LandIncomePart[] = ['rent', 'guaranteed-return', 'dividend'];
