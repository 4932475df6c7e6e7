import * as t from 'io-ts';
import { refinedString } from '../../codecs/primitives.js';

/** 资源性资产的类别: arable land (耕地), forest (林地), grassland (草地), waste land (荒地), water surface (水面), construction land (建设用地), other. */
export const ResourceKind = t.keyof(
  { arable: null, forest: null, grassland: null, 'waste-land': null, 'water-surface': null, 'construction-land': null, other: null },
  'arable, forest, grassland, waste-land, water-surface, construction-land or other',
);
export type ResourceKind = t.TypeOf<typeof ResourceKind>;

/** How a resource came onto the register: the founding register, or found by a stock-take (清产核资 新增). */
export const IdentifiedBy = t.keyof({ register: null, 'stock-take': null }, 'register or stock-take');
export type IdentifiedBy = t.TypeOf<typeof IdentifiedBy>;

/** 经营性 (used to earn income) or 非经营性 (public welfare: schools, roads, clinics). */
export const AssetCategory = t.keyof({ operating: null, 'non-operating': null }, 'operating or non-operating');
export type AssetCategory = t.TypeOf<typeof AssetCategory>;

/**
 * How a fixed asset came to the collective: bought (购入), a construction
 * completed (在建工程完工), donated (接受捐赠), transferred in free (无偿划入),
 * formed by a subsidy (补助形成), found by a stock-take (盘盈), or brought in
 * when the books were opened (建账).
 */
export const AcquisitionKind = t.keyof(
  { purchase: null, construction: null, donation: null, 'transfer-in': null, subsidy: null, 'stock-take-surplus': null, opening: null },
  'purchase, construction, donation, transfer-in, subsidy, stock-take-surplus or opening',
);
export type AcquisitionKind = t.TypeOf<typeof AcquisitionKind>;

/** How a fixed asset leaves: sold (出售), scrapped (报废), transferred out free (无偿调出), lost at a stock-take (盘亏), destroyed by force majeure (毁损). */
export const DisposalKind = t.keyof(
  { sale: null, scrapping: null, 'transfer-out': null, 'stock-take-loss': null, 'force-majeure': null },
  'sale, scrapping, transfer-out, stock-take-loss or force-majeure',
);
export type DisposalKind = t.TypeOf<typeof DisposalKind>;

/** 年限平均法 (the same amount every month) or 工作量法 (by the units of work recorded each month). */
export const DepreciationMethod = t.keyof({ 'straight-line': null, 'units-of-work': null }, 'straight-line or units-of-work');
export type DepreciationMethod = t.TypeOf<typeof DepreciationMethod>;

/** Why a value changed: a stock-take (清产核资) or an appraisal (资产评估). */
export const RevaluationReason = t.keyof({ 'stock-take': null, appraisal: null }, 'stock-take or appraisal');
export type RevaluationReason = t.TypeOf<typeof RevaluationReason>;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthBrand {
  readonly month: unique symbol;
}
/** A calendar month, `YYYY-MM`. */
export type Month = t.Branded<string, MonthBrand>;
export const Month = refinedString<MonthBrand>('a month YYYY-MM', (s) => MONTH.test(s) && s >= '0001-01');
