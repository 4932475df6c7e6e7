import {
  DEFAULT_THRESHOLDS,
  incomeTiers,
  incomeTiersProjection,
  parseIncomeBasis,
  parseThresholds,
  type IncomeBasis,
  type IncomeTiers,
  type Money,
  type TierCount,
  type TierGroup,
} from '@collective-ledger/core';
import { UsageError } from '../errors.js';
import { tiersCsv, tiersTable } from './income-tiers-render.js';
import { renderJson } from './render.js';
import { defineReport, type ReportOptions } from './report.js';
import { checkAsOfInYear, checkedScope, refusePeriodStart, refuseSince, refuseTwoScopes, scopeJson } from './statement-options.js';

type TiersState = ReturnType<ReturnType<typeof incomeTiersProjection>['init']>;

interface TierChoice {
  readonly year: number;
  readonly basis: IncomeBasis;
  readonly thresholds: readonly Money[];
}

/** `--year` (required), `--basis` and `--thresholds`, checked; a wrong one is a usage error naming the option. */
const choiceOf = (options: ReportOptions): TierChoice => {
  if (options.year === undefined) throw new UsageError('income-tiers needs --year, e.g. --year 2022');
  checkAsOfInYear(options);
  const basis = parseIncomeBasis(options.basis ?? 'operating');
  if (basis._tag === 'Left') throw new UsageError(`--basis: ${basis.left}`);
  if (options.thresholds === undefined) return { year: options.year, basis: basis.right, thresholds: DEFAULT_THRESHOLDS };
  const thresholds = parseThresholds(options.thresholds);
  if (thresholds._tag === 'Left') throw new UsageError(`--thresholds: ${thresholds.left}`);
  return { year: options.year, basis: basis.right, thresholds: thresholds.right };
};

const resultOf = (state: TiersState, options: ReportOptions): IncomeTiers =>
  incomeTiers(state, { ...choiceOf(options), scope: checkedScope(state.tree, options) });

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
const tiersJson = (result: IncomeTiers, options: ReportOptions) => ({
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

/**
 * `income-tiers`: 村集体经济收入分档 for `--year`: each village's collective
 * income on `--basis` (operating: 501 + 502, the default; total: 501 to 504),
 * its tier, and for the district and each township the count and share of
 * villages at or above each of `--thresholds`, the weak and the shell villages.
 */
export const incomeTiersReport = defineReport<TiersState>({
  name: 'income-tiers',
  description: 'village collective income tiers for --year (村集体经济收入分档)',
  checkOptions: (options) => {
    refusePeriodStart('income-tiers', options, 'counts a whole fiscal year: give --year (and --as-of to cut it short)');
    refuseSince('income-tiers', options);
    refuseTwoScopes(options);
    choiceOf(options);
  },
  replayAsOf: (options) => {
    if (options.year === undefined) return options.asOf;
    const end = `${options.year}-12-31`;
    return options.asOf !== undefined && options.asOf < end ? options.asOf : end;
  },
  projection: ({ options }) => incomeTiersProjection(choiceOf(options).year, options.asOf),
  render: {
    table: (state, options) => tiersTable(resultOf(state, options), options),
    csv: (state, options) => tiersCsv(resultOf(state, options)),
    json: (state, options) => renderJson(tiersJson(resultOf(state, options), options)),
  },
});
