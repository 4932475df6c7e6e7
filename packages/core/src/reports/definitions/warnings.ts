import { contractsProjection } from '../contract-projection.js';
import { warningsReportOf, type WarningCounts, type WarningsReport } from '../contract-reports.js';
import { TERM_LIMITS } from '../contract-terms.js';
import type { ContractWarning, WarningFigures } from '../contract-warnings.js';
import { ageBandsJson, contractGroupJson } from './contract-json.js';
import { warningSettings, type WarningsReportOptions } from './contract-options.js';
import { defineReport } from './definition.js';
import { checkedScope, langOf, refuseTwoScopes, scopeJson } from './options.js';

const countsJson = (c: WarningCounts) => ({
  warnings: c.warnings,
  byKind: c.byKind.map((k) => ({ kind: k.kind, warnings: k.warnings })),
  overdue: { outstanding: c.overdue.outstanding.toString(), byAge: ageBandsJson(c.overdue.byAge) },
});

/** The figures of a warning as JSON: `kind`, then its own keys (docs/reports.md). */
const figuresJson = (f: WarningFigures) => {
  switch (f.kind) {
    case 'overdue':
      return { ...f, outstanding: f.outstanding.toString() };
    case 'price-below-reference':
      return { ...f, scheduled: f.scheduled.toString(), pricePerYear: f.pricePerYear.toString(), reference: f.reference.toString() };
    case 'expiring':
    case 'term-ended':
    case 'term-over-limit':
    case 'double-letting':
      return f;
  }
};

const warningJson = (w: ContractWarning) => ({ villageId: w.villageId, contractId: w.contractId, title: w.title, counterparty: w.counterparty, ...figuresJson(w.figures) });

/** JSON keys in this order: report, lang, asOf, settings, scope, total, townships, villages, warnings. */
const toJson = (report: WarningsReport, options: WarningsReportOptions) => ({
  report: 'warnings',
  lang: langOf(options),
  asOf: report.settings.on,
  settings: {
    withinDays: report.settings.withinDays,
    minPricePerMu: report.settings.minPricePerMu?.toString() ?? null,
    minPricePerM2: report.settings.minPricePerM2?.toString() ?? null,
    termLimits: TERM_LIMITS.map((l) => ({ limit: l.limit, years: l.years })),
  },
  scope: scopeJson(options),
  total: contractGroupJson(report.total, countsJson),
  townships: report.townships.map((g) => contractGroupJson(g, countsJson)),
  villages: report.villages.map((g) => contractGroupJson(g, countsJson)),
  warnings: report.lines.map(warningJson),
});

export type WarningsJson = ReturnType<typeof toJson>;

/**
 * `warnings`: 合同预警 on `asOf` (or the end of `year`): contracts expiring
 * within `withinDays` (90 unless given) or past their term, instalments
 * overdue by age band, prices per mu or m² below the reference the township
 * gives, terms over the legal limit, and subjects let twice; counted for the
 * scope, each township and village, then each warning.
 */
export const warningsReport = defineReport({
  name: 'warnings',
  description: 'contract warnings (合同预警) on --as-of or at the end of --year: expiring, overdue, price below --min-price-per-mu/-m2, term over the limit, let twice',
  options: ['asOf', 'year', 'village', 'township', 'lang', 'withinDays', 'minPricePerMu', 'minPricePerM2'],
  refusals: { from: 'it is as of one date; give --as-of' },
  // The date is all the replay reads; the thresholds and reference prices only shape the result.
  modelOptions: ['asOf', 'year'],
  check: (options: WarningsReportOptions) => {
    refuseTwoScopes(options);
    warningSettings(options);
  },
  replayAsOf: (options) => warningSettings(options).on,
  projection: () => contractsProjection(),
  result: (state, options) => warningsReportOf(state, checkedScope(state.tree, options), warningSettings(options)),
  toJson,
});
