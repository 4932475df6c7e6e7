import { assetsProjection, yearWindow, type AssetsState, type Rate, type Window } from '@collective-ledger/core';
import { UsageError } from '../errors.js';
import { renderTable, type Table } from './render.js';
import { defineReport, type Report, type ReportDefinition, type ReportOptions } from './report.js';
import { checkAsOfInYear, refusePeriodStart, refuseSince, refuseTierOptions, refuseTwoScopes } from './statement-options.js';

/**
 * The window an asset report covers. `date`: one date, `--as-of` or the end
 * of `--year` (the register and balance sheet on that day). `year`: a fiscal
 * year, `--year` (required), cut at `--as-of`.
 */
export const assetWindow = (report: string, options: ReportOptions, kind: 'date' | 'year'): Window => {
  const { year, asOf } = options;
  checkAsOfInYear(options);
  if (kind === 'year' && year === undefined) throw new UsageError(`${report} needs --year, e.g. --year 2022 (and --as-of to cut it short)`);
  if (year === undefined && asOf === undefined) throw new UsageError(`${report} needs --as-of or --year, e.g. --as-of 2022-06-30`);
  return yearWindow(year ?? Number((asOf ?? '').slice(0, 4)), asOf);
};

export interface AssetReportDefinition {
  readonly name: string;
  readonly description: string;
  readonly window: 'date' | 'year';
  /** `--since` is resource-income's. */
  readonly takesSince?: boolean;
  readonly render: ReportDefinition<AssetsState>['render'];
}

/** An asset report: the shared option checks, and a replay of `assetsProjection` up to the end of its window. */
export const defineAssetReport = ({ name, description, window, takesSince, render }: AssetReportDefinition): Report =>
  defineReport<AssetsState>({
    name,
    description,
    checkOptions: (options) => {
      refuseTierOptions(name, options);
      refusePeriodStart(name, options, window === 'date' ? 'is as of one date: give --as-of' : 'covers a fiscal year: give --year (and --as-of to cut it short)');
      refuseTwoScopes(options);
      if (takesSince !== true) refuseSince(name, options);
      assetWindow(name, options, window);
    },
    replayAsOf: (options) => assetWindow(name, options, window).to,
    projection: ({ options }) => assetsProjection(assetWindow(name, options, window)),
    render,
  });

/** A rate as JSON: the exact ratio and the percent with one decimal; `null` when there is none. */
export const rateJson = (rate: Rate | undefined) => (rate === undefined ? null : { ...rate.toJSON(), display: rate.toPercent() });

export const rateText = (rate: Rate | undefined): string => rate?.toPercent() ?? '-';

/** The head of a group in JSON: the organization it is (the scope's district, a township, a village), `null` when none. */
export const groupHead = (group: { readonly id: string | undefined; readonly code: string | undefined; readonly name: string | undefined }) => ({
  id: group.id ?? null,
  code: group.code ?? null,
  name: group.name ?? null,
});

/** The township and village tables under a report's main table, when it covers more than one village. */
export const groupSections = (titles: { readonly townships: string; readonly villages: string }, townships: Table, villages: Table): string =>
  villages.rows.length > 1 ? `\n${titles.townships}\n${renderTable(townships)}\n${titles.villages}\n${renderTable(villages)}` : '';

/** The kinds of resource assets, in Chinese and English. */
export const RESOURCE_KIND_LABELS = {
  zh: { arable: '耕地', forest: '林地', grassland: '草地', 'waste-land': '荒地', 'water-surface': '水面', 'construction-land': '建设用地', other: '其他资源' },
  en: { arable: 'arable land', forest: 'forest', grassland: 'grassland', 'waste-land': 'waste land', 'water-surface': 'water surface', 'construction-land': 'construction land', other: 'other resources' },
} as const;
