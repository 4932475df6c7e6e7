import { describe, expect, it } from 'vitest';
import { building, testAssets } from '../domain/assets/test-assets.js';
import { booksOf2023, plan } from '../domain/shares/test-shares.js';
import type { EventCatalog } from '../kernel/catalog.js';
import type { EventStore } from '../kernel/store.js';
import { reports, type ReportName } from '../reports/definitions/registry.js';
import { reportJsonText, runReport } from '../reports/definitions/run-report.js';
import type { AnyReportDefinition } from '../reports/definitions/definition.js';
import { contractBooks } from '../reports/test-contract-books.js';
import { testLandBooks } from '../reports/test-land-books.js';
import { handWorkedBooks } from '../reports/test-statements.js';
import { minuteClock } from '../test-support/clock.js';
import { Money } from '../money/money.js';
import { InMemoryReadModels } from './memory.js';
import { projectReadModels } from './runner.js';

type Asked = readonly [ReportName, Readonly<Record<string, unknown>>];

interface Books {
  readonly store: EventStore;
  readonly catalog: EventCatalog;
  /** Record more of the books: what a model must catch up with. */
  readonly more: () => Promise<void>;
}

const text = async (books: Books, [name, options]: Asked, readModels?: InMemoryReadModels): Promise<{ json: string; after: bigint | undefined }> => {
  let after: bigint | undefined;
  const definition: AnyReportDefinition = reports[name];
  const json = await runReport(books.store, books.catalog, definition, {
    ...options,
    ...(readModels === undefined ? {} : { readModels, onReadModel: (used: { readonly after: bigint }) => (after = used.after) }),
  });
  return { json: reportJsonText(json), after };
};

/**
 * Each report from its read model equals its full replay, byte for byte:
 * from a model just built, from a model behind the log (the report folds
 * the events after it), and from the model brought up to date again.
 */
const expectSameFromModels = async (books: Books, asked: readonly Asked[]): Promise<void> => {
  const readModels = new InMemoryReadModels();
  const register = asked.map(([report, options]) => ({ report, options }));
  await projectReadModels(books.store, books.catalog, readModels, { register });
  for (const a of asked) {
    const [replayed, fromModel] = [await text(books, a), await text(books, a, readModels)];
    expect(fromModel.after, `${a[0]} read its model`).toBe(0n);
    expect(fromModel.json, a[0]).toBe(replayed.json);
  }
  await books.more();
  for (const a of asked) {
    const [replayed, fromModel] = [await text(books, a), await text(books, a, readModels)];
    expect(fromModel.after ?? 0n, `${a[0]} folded the events after its model`).toBeGreaterThan(0n);
    expect(fromModel.json, a[0]).toBe(replayed.json);
  }
  const again = await projectReadModels(books.store, books.catalog, readModels);
  expect(again.models.filter((model) => model.rebuilt), 'kept models go on from their checkpoints').toEqual([]);
  expect(again.read, 'only the events after the models were read').toBeGreaterThan(0n);
  for (const a of asked) {
    const [replayed, fromModel] = [await text(books, a), await text(books, a, readModels)];
    expect(fromModel.after).toBe(0n);
    expect(fromModel.json, a[0]).toBe(replayed.json);
  }
};

describe('every report reads the same from its read model as from a full replay', () => {
  it('the statements and the income tiers', async () => {
    const books = await handWorkedBooks({ close: false, now: minuteClock() });
    await expectSameFromModels(
      { store: books.store, catalog: books.context.catalog, more: () => books.voucher('v', '记-9', '2023-03-01', [['102', 'debit', '999.00'], ['501', 'credit', '999.00']]) },
      [
        ['events', { asOf: '2023-12-31' }],
        ['accounts', { village: 'v' }],
        ['trial-balance', { year: 2023 }],
        ['trial-balance', { year: 2023, village: 'v', lang: 'en' }],
        ['balance-sheet', { asOf: '2023-06-30', village: 'v' }],
        ['income-statement', { year: 2023, village: 'v' }],
        ['income-tiers', { year: 2023 }],
        ['income-tiers', { year: 2023, township: 't', basis: 'total', thresholds: [Money.of('500.00')] }],
        ['balance-sheet', { asOf: '2023-06-30', township: 't', lang: 'en' }],
      ],
    );
  });

  it('the asset reports', async () => {
    const books = await testAssets();
    await books.voucher('记-1', '2023-01-01', [['102', 'debit', '200000.00'], ['301', 'credit', '200000.00']]);
    await books.ok('acquire', building('b1', '80000.00', 120, { acquiredOn: '2023-03-01' }));
    await expectSameFromModels(
      { store: books.store, catalog: books.context.catalog, more: () => books.ok('acquire', building('b2', '20000.00', 60, { acquiredOn: '2023-05-01' })).then(() => undefined) },
      [
        ['assets', { asOf: '2023-12-31' }],
        ['appreciation', { year: 2023 }],
        ['resource-income', { year: 2023 }],
      ],
    );
  });

  it('the share reports', async () => {
    const books = await booksOf2023();
    await books.ok('distribute', plan());
    await expectSameFromModels(
      {
        store: books.store,
        catalog: books.context.catalog,
        more: () => books.ok('pay', { year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1' }] }).then(() => undefined),
      },
      [
        ['members', { village: 'v', year: 2023 }],
        ['shares', { village: 'v', year: 2023 }],
        ['dividends', { village: 'v', year: 2023 }],
        ['distribution', { village: 'v', year: 2023 }],
      ],
    );
  });

  it('the contract and debt reports', async () => {
    const books = await contractBooks();
    await expectSameFromModels(
      { store: books.store, catalog: books.context.catalog, more: () => books.ok('pay', { contractId: 'c1', receivedOn: '2024-07-10', amount: '500.00' }).then(() => undefined) },
      [
        ['contracts', { village: 'v', asOf: '2024-12-31' }],
        ['contract-cleanup', { year: 2024 }],
        ['arrears', { year: 2024 }],
        ['debts', { year: 2024 }],
        ['warnings', { asOf: '2024-12-31' }],
        ['warnings', { asOf: '2024-12-31', withinDays: 400, minPricePerMu: Money.of('900.00'), village: 'v' }],
      ],
    );
  });

  it('the land reports', async () => {
    const books = await testLandBooks();
    await expectSameFromModels(
      {
        store: books.store,
        catalog: books.context.catalog,
        more: () => books.ok('wages', { paymentId: 'w9', memberId: 'm1', householdId: 'h1', employer: { name: '猕猴桃公司', kind: 'company' }, paidOn: '2021-07-31', amount: '100.00', period: '2021-07' }).then(() => undefined),
      },
      [
        ['land-transfers', { year: 2021 }],
        ['household-income', { year: 2021, village: 'v' }],
      ],
    );
  });

  it('covers every report', () => {
    const covered = new Set(['events', 'accounts', 'trial-balance', 'balance-sheet', 'income-statement', 'income-tiers', 'assets', 'appreciation', 'resource-income', 'members', 'shares', 'dividends', 'distribution', 'contracts', 'contract-cleanup', 'arrears', 'debts', 'warnings', 'land-transfers', 'household-income']);
    expect(Object.keys(reports).filter((name) => !covered.has(name))).toEqual([]);
  });
});
