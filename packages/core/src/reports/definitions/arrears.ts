import type { ArrearsFigures, ContractArrears } from '../arrears-figures.js';
import { contractsProjection } from '../contract-projection.js';
import { arrearsReportOf, type ArrearsReport } from '../contract-reports.js';
import { ageBandsJson, arrearsAmountsJson, contractGroupJson, counterpartyJson } from './contract-json.js';
import { arrearsPeriod, type ContractReportOptions } from './contract-options.js';
import { defineReport } from './definition.js';
import { checkedScope, langOf, refuseTwoScopes, scopeJson } from './options.js';

/** Keys in this order: contracts, openingArrears, fallenOverdue, overdue, collected, rate, outstanding, byAge, byCounterparty. */
const figuresJson = (f: ArrearsFigures) => ({
  contracts: f.contracts,
  ...arrearsAmountsJson(f),
  byAge: ageBandsJson(f.byAge),
  byCounterparty: f.byCounterparty.map((c) => ({ name: c.name, kind: c.kind, reference: c.reference ?? null, contracts: c.contracts, ...arrearsAmountsJson(c) })),
});

const contractJson = (c: ContractArrears) => ({
  villageId: c.villageId,
  contractId: c.contractId,
  title: c.title,
  counterparty: counterpartyJson(c.counterparty),
  ...arrearsAmountsJson(c),
  overdueInstalments: c.overdueInstalments.map((i) => ({ no: i.no, dueOn: i.dueOn, outstanding: i.outstanding.toString(), ageDays: i.ageDays, band: i.band })),
});

/** JSON keys in this order: report, lang, from, to, scope, total, townships, villages, contracts (those with arrears). */
const toJson = (report: ArrearsReport, options: ContractReportOptions) => ({
  report: 'arrears',
  lang: langOf(options),
  from: report.period.from,
  to: report.period.to,
  scope: scopeJson(options),
  total: contractGroupJson(report.total, figuresJson),
  townships: report.townships.map((g) => contractGroupJson(g, figuresJson)),
  villages: report.villages.map((g) => contractGroupJson(g, figuresJson)),
  contracts: report.lines.map(contractJson),
});

export type ArrearsJson = ReturnType<typeof toJson>;

/**
 * `arrears`: 欠款清收 from `from` to `asOf` (or over `year`): what was overdue
 * (opening arrears and instalments falling overdue), collected, the
 * collection rate and what is still overdue at the end, by age band and by
 * counterparty; for the scope, each township and village, then each
 * contract with arrears.
 */
export const arrearsReport = defineReport({
  name: 'arrears',
  description: 'arrears collection (欠款清收): overdue, collected, rate and outstanding by age and counterparty, from --from (or 1 January) to --as-of or over --year',
  options: ['asOf', 'from', 'year', 'village', 'township', 'lang'],
  check: (options: ContractReportOptions) => {
    refuseTwoScopes(options);
    arrearsPeriod(options);
  },
  replayAsOf: (options) => arrearsPeriod(options).to,
  projection: () => contractsProjection(),
  result: (state, options) => arrearsReportOf(state, checkedScope(state.tree, options), arrearsPeriod(options)),
  toJson,
});
