import type { CleanupFigures, FlaggedContract, RectifiedCounts } from '../contract-cleanup.js';
import { contractReviewsProjection } from '../contract-projection.js';
import { cleanupReportOf, type CleanupReport } from '../contract-reports.js';
import { rateJson } from './asset-options.js';
import { contractGroupJson, counterpartyJson } from './contract-json.js';
import { contractPeriod, type ContractReportOptions } from './contract-options.js';
import { defineReport } from './definition.js';
import { checkedScope, langOf, refuseTwoScopes, scopeJson } from './options.js';

const NAME = 'contract-cleanup';

const rectifiedJson = (r: RectifiedCounts) => ({ total: r.total, byMethod: r.byMethod.map((m) => ({ method: m.method, contracts: m.contracts })) });

/** Keys in this order: registered, live, flagged, byReason, rectified, terminated, withdrawn, pending, needingRectification, rate, inPeriod. */
const figuresJson = (f: CleanupFigures) => ({
  registered: f.registered,
  live: f.live,
  flagged: f.flagged,
  byReason: f.byReason.map((r) => ({ reason: r.reason, contracts: r.contracts })),
  rectified: rectifiedJson(f.rectified),
  terminated: f.terminated,
  withdrawn: f.withdrawn,
  pending: f.pending,
  needingRectification: f.needingRectification,
  rate: rateJson(f.rate),
  inPeriod:
    f.inPeriod === undefined
      ? null
      : { registered: f.inPeriod.registered, flagged: f.inPeriod.flagged, rectified: rectifiedJson(f.inPeriod.rectified), terminated: f.inPeriod.terminated, withdrawn: f.inPeriod.withdrawn },
});

const flaggedJson = (f: FlaggedContract) => ({
  villageId: f.villageId,
  contractId: f.view.card.contractId,
  title: f.view.card.title,
  counterparty: counterpartyJson(f.view.card.counterparty),
  firstFlaggedOn: f.firstFlaggedOn,
  lastFlaggedOn: f.lastFlaggedOn,
  reasons: f.reasons,
  standing: f.standing,
  method: f.method ?? null,
  answeredOn: f.answeredOn ?? null,
});

/** JSON keys in this order: report, lang, from, to, scope, total, townships, villages, contracts (the flagged ones). */
const toJson = (report: CleanupReport, options: ContractReportOptions) => ({
  report: NAME,
  lang: langOf(options),
  from: report.period.from ?? null,
  to: report.period.to,
  scope: scopeJson(options),
  total: contractGroupJson(report.total, figuresJson),
  townships: report.townships.map((g) => contractGroupJson(g, figuresJson)),
  villages: report.villages.map((g) => contractGroupJson(g, figuresJson)),
  contracts: report.lines.map(flaggedJson),
});

export type ContractCleanupJson = ReturnType<typeof toJson>;

/**
 * `contract-cleanup`: 合同清理 up to `asOf` (or the end of `year`): contracts
 * registered and in force, flagged (by reason), rectified by method,
 * terminated, withdrawn and pending, and the rectification rate; with what
 * happened from `from` on; for the scope, each township and village, then
 * each flagged contract.
 */
export const contractCleanupReport = defineReport({
  name: NAME,
  description: 'contract clean-up (合同清理): registered, flagged, rectified, terminated, pending and the rate, up to --as-of or the end of --year',
  options: ['asOf', 'from', 'year', 'village', 'township', 'lang'],
  check: (options: ContractReportOptions) => {
    refuseTwoScopes(options);
    contractPeriod(NAME, options);
  },
  replayAsOf: (options) => contractPeriod(NAME, options).to,
  projection: () => contractReviewsProjection(),
  result: (state, options) => cleanupReportOf(state, checkedScope(state.tree, options), contractPeriod(NAME, options)),
  toJson,
});
