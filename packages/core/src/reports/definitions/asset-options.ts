import type { Rate } from '../../money/rate.js';
import { yearWindow, type Window } from '../balances.js';
import { assetsProjection, type AssetsState } from '../assets-projection.js';
import type { Scope } from '../organizations.js';
import { defineReport, ReportOptionError, type ReportDefinition, type ReportOptionName } from './definition.js';
import { checkAsOfInYear, checkedScope, refuseTwoScopes, type LanguageOption, type ScopeOptions } from './options.js';

/** An asset report's date or year: `asOf`, `year` or both (then `asOf` cuts the year short). */
export interface AssetReportOptions extends ScopeOptions, LanguageOption {
  readonly year?: number;
  readonly asOf?: string;
}

/**
 * The window an asset report covers. `date`: one date, `asOf` or the end of
 * `year` (the register and balance sheet on that day). `year`: a fiscal year,
 * `year` (required), cut at `asOf`.
 */
export const assetWindow = (report: string, options: AssetReportOptions, kind: 'date' | 'year'): Window => {
  const { year, asOf } = options;
  checkAsOfInYear(options);
  if (kind === 'year' && year === undefined) throw new ReportOptionError(`${report} needs --year, e.g. --year 2022 (and --as-of to cut it short)`);
  if (year === undefined && asOf === undefined) throw new ReportOptionError(`${report} needs --as-of or --year, e.g. --as-of 2022-06-30`);
  return yearWindow(year ?? Number((asOf ?? '').slice(0, 4)), asOf);
};

export interface AssetReportSpec<Options extends AssetReportOptions, Result, Json> {
  readonly name: string;
  readonly description: string;
  readonly window: 'date' | 'year';
  /** Options beyond the asset reports' own (`since`, for resource income). */
  readonly moreOptions?: readonly ReportOptionName[];
  readonly resultOf: (state: AssetsState, scope: Scope, window: Window, options: Options) => Result;
  readonly toJson: (result: Result, options: Options) => Json;
}

/** An asset report: the shared option checks, and a replay of `assetsProjection` up to the end of its window. */
export const defineAssetReport = <Options extends AssetReportOptions, Result, Json>(
  spec: AssetReportSpec<Options, Result, Json>,
): ReportDefinition<Options, AssetsState, Result, Json> => {
  const { name, window } = spec;
  return defineReport({
    name,
    description: spec.description,
    options: ['asOf', ...(spec.moreOptions ?? []), 'year', 'village', 'township', 'lang'],
    refusals: {
      from: `it ${window === 'date' ? 'is as of one date; give --as-of' : 'covers a fiscal year; give --year (and --as-of to cut it short)'}`,
    },
    check: (options: Options) => {
      refuseTwoScopes(options);
      assetWindow(name, options, window);
    },
    replayAsOf: (options) => assetWindow(name, options, window).to,
    projection: (options) => assetsProjection(assetWindow(name, options, window)),
    result: (state, options) => spec.resultOf(state, checkedScope(state.tree, options), assetWindow(name, options, window), options),
    toJson: spec.toJson,
  });
};

/** A rate as JSON: the exact ratio and the percent with one decimal; `null` when there is none. */
export const rateJson = (rate: Rate | undefined) => (rate === undefined ? null : { ...rate.toJSON(), display: rate.toPercent() });

/** The head of a group in JSON: the organization it is (the scope's district, a township, a village), `null` when none. */
export const groupHead = (group: { readonly id: string | undefined; readonly code: string | undefined; readonly name: string | undefined }) => ({
  id: group.id ?? null,
  code: group.code ?? null,
  name: group.name ?? null,
});
