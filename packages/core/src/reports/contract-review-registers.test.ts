import { beforeAll, describe, expect, it } from 'vitest';
import type { EventCatalog } from '../kernel/catalog.js';
import type { EventStore } from '../kernel/store.js';
import { contractsProjection } from './contract-projection.js';
import { contractCleanupReport } from './definitions/contract-cleanup.js';
import { runReport } from './definitions/run-report.js';
import { contractBooks } from './test-contract-books.js';

let store: EventStore;
let catalog: EventCatalog;
beforeAll(async () => {
  const books = await contractBooks();
  store = books.store;
  catalog = books.context.catalog;
});

/** The clean-up computed from the register with every payment and recognition, as the other contract reports read it. */
const fromFullRegister = { ...contractCleanupReport, projection: () => contractsProjection() };

describe('the clean-up read from the register without payments and recognitions', () => {
  const cases = [{ year: 2024 }, { year: 2025 }, { asOf: '2024-03-31' }, { asOf: '2024-09-30', from: '2024-06-01' }, { year: 2024, village: 'v' }, { year: 2024, village: 'w' }, { year: 2024, township: 't2' }];
  it.each(cases)('gives the clean-up the full register gives, byte for byte (%o)', async (options) => {
    const lean = await runReport(store, catalog, contractCleanupReport, options);
    const full = await runReport(store, catalog, fromFullRegister, options);
    expect(typeof lean).toBe('object');
    expect(JSON.stringify(lean)).toBe(JSON.stringify(full));
  });

  it('decodes no payment or recognition: it does not handle them', () => {
    expect(contractCleanupReport.projection({}, catalog).handles).not.toContain('ContractPaymentReceived');
    expect(contractCleanupReport.projection({}, catalog).handles).not.toContain('ContractIncomeRecognised');
    expect(contractsProjection().handles).toContain('ContractPaymentReceived');
  });
});
