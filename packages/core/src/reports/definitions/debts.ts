import type { DebtFigures, DebtOnDate, DebtPeriod, ResolvedAmounts } from '../debt-figures.js';
import { debtsProjection, debtsReportOf, type DebtGroup, type DebtsReport } from '../debts-report.js';
import { groupHead, rateJson } from './asset-options.js';
import { defineReport, ReportOptionError } from './definition.js';
import { checkAsOfInYear, checkedScope, langOf, refuseTwoScopes, scopeJson, type LanguageOption, type ScopeOptions } from './options.js';

/** The debt report's period: up to `asOf` or the end of `year`; from `from` (or 1 January of `year`) for the figures of the period. */
export interface DebtsReportOptions extends ScopeOptions, LanguageOption {
  readonly year?: number;
  readonly asOf?: string;
  readonly from?: string;
}

/** The period the options give; a period that ends before it starts is refused. */
export const debtPeriod = (options: DebtsReportOptions): DebtPeriod => {
  checkAsOfInYear(options);
  const { year, asOf } = options;
  if (year === undefined && asOf === undefined) throw new ReportOptionError('debts needs --as-of or --year, e.g. --as-of 2022-06-30 (and --from for the figures of a period)');
  const to = asOf ?? `${String(year)}-12-31`;
  const from = options.from ?? (year === undefined ? undefined : `${String(year)}-01-01`);
  if (from !== undefined && from > to) throw new ReportOptionError(`--from ${from} is after the period's last day ${to}`);
  return { from, to };
};

const amountsJson = (a: ResolvedAmounts) => ({ total: a.total.toString(), byMethod: a.byMethod.map((m) => ({ method: m.method, amount: m.amount.toString() })) });

const figuresJson = (f: DebtFigures) => ({
  villages: f.villages,
  debts: f.debts,
  openDebts: f.openDebts,
  recorded: f.recorded.toString(),
  recordedInPeriod: f.recordedInPeriod.toString(),
  resolved: amountsJson(f.resolved),
  resolvedInPeriod: amountsJson(f.resolvedInPeriod),
  outstanding: f.outstanding.toString(),
  rate: rateJson(f.rate),
});

const groupJson = (g: DebtGroup) => ({ ...groupHead(g), ...figuresJson(g.figures) });

const debtJson = ({ debt, resolutions, resolved, outstanding }: DebtOnDate) => ({
  villageId: debt.villageId,
  debtId: debt.debtId,
  creditor: { name: debt.creditor.name, kind: debt.creditor.kind },
  origin: debt.origin,
  originNote: debt.originNote ?? null,
  account: debt.account,
  recognition: debt.recognition,
  recordedOn: debt.recordedOn,
  amount: debt.amount.toString(),
  resolutions: resolutions.map((r) => ({ method: r.method, resolvedOn: r.resolvedOn, amount: r.amount.toString(), voucherNo: r.voucherNo })),
  resolved: resolved.toString(),
  outstanding: outstanding.toString(),
});

/** JSON keys in this order: report, lang, from, to, scope, total, townships, villages, debts. */
const toJson = (report: DebtsReport, options: DebtsReportOptions) => ({
  report: 'debts',
  lang: langOf(options),
  from: report.period.from ?? null,
  to: report.period.to,
  scope: scopeJson(options),
  total: groupJson(report.total),
  townships: report.townships.map(groupJson),
  villages: report.villages.map(groupJson),
  debts: report.debts.map(debtJson),
});

export type DebtsJson = ReturnType<typeof toJson>;

/**
 * `debts`: 不良债务化解 up to `asOf` (or the end of `year`): the debts
 * recorded, resolved by method, outstanding and the resolution rate, with
 * what was recorded and resolved from `from` on; for the scope, each township
 * and village, then each debt with its resolutions.
 */
export const debtsReport = defineReport({
  name: 'debts',
  description: 'non-performing debts and their resolution (不良债务化解) up to --as-of or the end of --year, the period from --from',
  options: ['asOf', 'from', 'year', 'village', 'township', 'lang'],
  check: (options: DebtsReportOptions) => {
    refuseTwoScopes(options);
    debtPeriod(options);
  },
  replayAsOf: (options) => debtPeriod(options).to,
  projection: () => debtsProjection(),
  result: (state, options) => debtsReportOf(state, checkedScope(state.tree, options), debtPeriod(options)),
  toJson,
});
