import { accountsReport } from './accounts.js';
import { appreciationReport } from './appreciation.js';
import { assetsReport } from './assets.js';
import { balanceSheetReport } from './balance-sheet.js';
import type { AnyReportDefinition } from './definition.js';
import { arrearsReport } from './arrears.js';
import { contractCleanupReport } from './contract-cleanup.js';
import { contractsReport } from './contracts.js';
import { debtsReport } from './debts.js';
import { distributionReport } from './distribution.js';
import { dividendsReport } from './dividends.js';
import { eventsReport } from './events.js';
import { incomeStatementReport } from './income-statement.js';
import { incomeTiersReport } from './income-tiers.js';
import { householdIncomeReport, landTransfersReport } from './land.js';
import { membersReport } from './members.js';
import { resourceIncomeReport } from './resource-income.js';
import { sharesReport } from './shares.js';
import { trialBalanceReport } from './trial-balance.js';
import { warningsReport } from './warnings.js';

/** Every report, by name, in the order they are listed. */
export const reports = {
  events: eventsReport,
  accounts: accountsReport,
  'trial-balance': trialBalanceReport,
  'balance-sheet': balanceSheetReport,
  'income-statement': incomeStatementReport,
  'income-tiers': incomeTiersReport,
  members: membersReport,
  assets: assetsReport,
  appreciation: appreciationReport,
  'resource-income': resourceIncomeReport,
  shares: sharesReport,
  dividends: dividendsReport,
  distribution: distributionReport,
  debts: debtsReport,
  contracts: contractsReport,
  'contract-cleanup': contractCleanupReport,
  arrears: arrearsReport,
  'land-transfers': landTransfersReport,
  'household-income': householdIncomeReport,
  warnings: warningsReport,
} as const satisfies Readonly<Record<string, AnyReportDefinition>>;

export type ReportName = keyof typeof reports;

export const reportNames = Object.keys(reports) as ReportName[];

/** The report of that name, or `undefined`. */
export const findReport = (name: string): AnyReportDefinition | undefined =>
  Object.hasOwn(reports, name) ? reports[name as ReportName] : undefined;
