import type { Money } from '../../money/money.js';
import { checkThresholds, DEFAULT_THRESHOLDS, parseIncomeBasis, type IncomeBasis } from '../income-basis.js';
import { incomeTiersProjection } from '../income-tiers-projection.js';
import { incomeTiers, type IncomeTiers, type TierCount, type TierGroup } from '../income-tiers.js';
import { defineReport, ReportOptionError } from './definition.js';
import { checkAsOfInYear, checkedScope, refuseTwoScopes, scopeJson, type ScopeOptions } from './options.js';

export interface IncomeTiersReportOptions extends ScopeOptions {
  /** The fiscal year (required). */
  readonly year?: number;
  /** Cut the year short at this `YYYY-MM-DD`. */
  readonly asOf?: string;
  /** `operating` (501 + 502, the default) or `total` (501 to 504). */
  readonly basis?: IncomeBasis;
  /** Default 100000, 500000, 1000000 yuan; any order, none negative, none twice. */
  readonly thresholds?: readonly Money[];
}

interface TierChoice {
  readonly year: number;
  readonly basis: IncomeBasis;
  readonly thresholds: readonly Money[];
}

/** `year` (required), `basis` and `thresholds`, checked; a wrong one is refused naming the option. */
const choiceOf = (options: IncomeTiersReportOptions): TierChoice => {
  if (options.year === undefined) throw new ReportOptionError('income-tiers needs --year, e.g. --year 2022');
  checkAsOfInYear(options);
  const basis = parseIncomeBasis(options.basis ?? 'operating');
  if (basis._tag === 'Left') throw new ReportOptionError(`--basis: ${basis.left}`);
  if (options.thresholds === undefined) return { year: options.year, basis: basis.right, thresholds: DEFAULT_THRESHOLDS };
  const thresholds = checkThresholds(options.thresholds);
  if (thresholds._tag === 'Left') throw new ReportOptionError(`--thresholds: ${thresholds.left}`);
  return { year: options.year, basis: basis.right, thresholds: thresholds.right };
};

const countJson = (count: TierCount) => ({
  count: count.count,
  share: count.share?.toJSON() ?? null,
  percent: count.share?.toPercent() ?? null,
});

const groupJson = (group: TierGroup) => ({
  id: group.id ?? null,
  code: group.code ?? null,
  name: group.name ?? null,
  villages: group.villages,
  income: group.income.toString(),
  atOrAbove: group.atOrAbove.map((t) => ({ threshold: t.threshold.toString(), ...countJson(t) })),
  weak: countJson(group.weak),
  shell: countJson(group.shell),
});

/** JSON keys in this order; money as decimal strings, shares as exact rates plus a one-decimal percent. */
const toJson = (result: IncomeTiers, options: IncomeTiersReportOptions) => ({
  report: 'income-tiers',
  year: result.year,
  asOf: options.asOf ?? null,
  basis: result.basis,
  accounts: result.accounts,
  thresholds: result.thresholds.map(String),
  shellLimit: result.shellLimit.toString(),
  scope: scopeJson(options),
  district: groupJson(result.district),
  townships: result.townships.map(groupJson),
  villages: result.villages.map((v) => ({
    id: v.id,
    code: v.code,
    name: v.name,
    township: v.township ?? null,
    income: v.income.toString(),
    tier: v.tier === 'below' ? 'below' : v.tier.toString(),
    weak: v.weak,
    shell: v.shell,
  })),
});

export type IncomeTiersJson = ReturnType<typeof toJson>;

/**
 * `income-tiers`: 村集体经济收入分档 for `year`: each village's collective
 * income on `basis`, its tier, and for the district and each township the
 * count and share of villages at or above each threshold, the weak and the
 * shell villages.
 */
export const incomeTiersReport = defineReport({
  name: 'income-tiers',
  description: 'village collective income tiers for --year (村集体经济收入分档)',
  options: ['asOf', 'year', 'village', 'township', 'basis', 'thresholds'],
  refusals: { from: 'it counts a whole fiscal year; give --year (and --as-of to cut it short)' },
  // The year and the date are all the projection reads: one model serves every scope, basis and threshold.
  modelOptions: ['asOf', 'year'],
  check: (options: IncomeTiersReportOptions) => {
    refuseTwoScopes(options);
    choiceOf(options);
  },
  replayAsOf: (options) => {
    if (options.year === undefined) return options.asOf;
    const end = `${options.year}-12-31`;
    return options.asOf !== undefined && options.asOf < end ? options.asOf : end;
  },
  projection: (options) => incomeTiersProjection(choiceOf(options).year, options.asOf),
  result: (state, options): IncomeTiers => incomeTiers(state, { ...choiceOf(options), scope: checkedScope(state.tree, options) }),
  toJson,
});
