import { accountsReport } from './accounts.js';
import { balanceSheetReport } from './balance-sheet.js';
import { eventsReport } from './events.js';
import { incomeStatementReport } from './income-statement.js';
import { incomeTiersReport } from './income-tiers.js';
import { membersReport } from './members.js';
import { assetsReport } from './assets.js';
import { appreciationReport } from './appreciation.js';
import { resourceIncomeReport } from './resource-income.js';
import { sharesReport } from './shares.js';
import { dividendsReport } from './dividends.js';
import { distributionReport } from './distribution.js';
import { debtsReport } from './debts.js';
import { householdIncomeReport, landTransfersReport } from './land.js';
import { contractsReport } from './contracts.js';
import { contractCleanupReport } from './contract-cleanup.js';
import { arrearsReport } from './arrears.js';
import { warningsReport } from './warnings.js';
import type { Report } from './report.js';
import { trialBalanceReport } from './trial-balance.js';

export { defineReport, REPORT_FORMATS, REPORT_LANGUAGES } from './report.js';
export type { Report, ReportFormat, ReportLanguage, ReportOptions, ReportRenderers, RunReportOptions } from './report.js';
export { renderCsv, renderJson, renderTable, type Table } from './render.js';
export { eventsReport, type EventCounts } from './events.js';
export { incomeTiersReport } from './income-tiers.js';
export { accountsReport } from './accounts.js';
export { trialBalanceReport } from './trial-balance.js';
export { balanceSheetReport } from './balance-sheet.js';
export { incomeStatementReport } from './income-statement.js';
export { membersReport } from './members.js';
export { assetsReport } from './assets.js';
export { appreciationReport } from './appreciation.js';
export { resourceIncomeReport } from './resource-income.js';
export { sharesReport } from './shares.js';
export { dividendsReport } from './dividends.js';
export { distributionReport } from './distribution.js';
export { debtsReport } from './debts.js';
export { householdIncomeReport, landTransfersReport } from './land.js';
export { contractsReport } from './contracts.js';
export { contractCleanupReport } from './contract-cleanup.js';
export { arrearsReport } from './arrears.js';
export { warningsReport } from './warnings.js';

/** Every report the CLI knows, by name. Add a report here to make `report <name>` find it. */
export const reports: ReadonlyMap<string, Report> = new Map([eventsReport, accountsReport, trialBalanceReport, balanceSheetReport, incomeStatementReport, incomeTiersReport, membersReport, assetsReport, appreciationReport, resourceIncomeReport, sharesReport, dividendsReport, distributionReport, debtsReport, contractsReport, contractCleanupReport, arrearsReport, landTransfersReport, householdIncomeReport, warningsReport].map((report) => [report.name, report]));

export const findReport = (name: string): Report | undefined => reports.get(name);
