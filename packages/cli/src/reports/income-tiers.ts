import { incomeTiersReport as incomeTiersDefinition } from '@collective-ledger/core';
import { tiersCsv, tiersTable } from './income-tiers-render.js';
import { defineReport } from './report.js';

/**
 * `income-tiers`: 村集体经济收入分档 for `--year`: each village's collective
 * income on `--basis` (operating: 501 + 502, the default; total: 501 to 504),
 * its tier, and for the district and each township the count and share of
 * villages at or above each of `--thresholds`, the weak and the shell villages.
 */
export const incomeTiersReport = defineReport(incomeTiersDefinition, {
  table: tiersTable,
  csv: (result) => tiersCsv(result),
});
