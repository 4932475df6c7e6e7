import { describe, expect, it } from 'vitest';
import { reports } from '../reports/definitions/registry.js';
import { reportJsonText, runReport } from '../reports/definitions/run-report.js';
import { handWorkedBooks, type ReportBooks } from '../reports/test-statements.js';
import { minuteClock } from '../test-support/clock.js';
import { InMemoryReadModels } from './memory.js';
import { ReadModelConflictError, ReadModelsBusyError } from './port.js';
import { projectReadModels } from './runner.js';

const tiers = { report: 'income-tiers', options: { year: 2023 } } as const;
const books = (): Promise<ReportBooks> => handWorkedBooks({ close: false, now: minuteClock() });
const tiersText = async (b: ReportBooks, readModels?: InMemoryReadModels) =>
  reportJsonText(await runReport(b.store, b.context.catalog, reports['income-tiers'], { year: 2023, ...(readModels === undefined ? {} : { readModels }) }));

describe('keeping read models', () => {
  it('one runner at a time: a second is refused while the first holds the lease', async () => {
    const b = await books();
    const readModels = new InMemoryReadModels();
    const lease = await readModels.lease();
    await expect(projectReadModels(b.store, b.context.catalog, readModels, { register: [tiers], where: 'ledger.ndjson' })).rejects.toThrow(
      new ReadModelsBusyError('ledger.ndjson'),
    );
    expect(await readModels.list()).toEqual([]);
    await lease?.release();
    const run = await projectReadModels(b.store, b.context.catalog, readModels, { register: [tiers] });
    expect(run.models.map((m) => [m.key, m.rebuilt])).toEqual([['income-tiers{"year":2023}', true]]);
  });

  it('a model moved by someone else since it was read is not overwritten', async () => {
    const b = await books();
    const readModels = new InMemoryReadModels();
    await projectReadModels(b.store, b.context.catalog, readModels, { register: [tiers] });
    const [stored] = await readModels.list();
    if (stored === undefined) throw new Error('no model');
    await readModels.lease();
    await expect(readModels.saveAll([{ model: { ...stored, position: 1n }, expected: { version: stored.version, position: 0n } }])).rejects.toThrow(ReadModelConflictError);
    expect((await readModels.load(stored.key))?.position).toBe(stored.position);
  });

  it('a model made by other code is rebuilt from the first event, with the same figures', async () => {
    const b = await books();
    const readModels = new InMemoryReadModels();
    await projectReadModels(b.store, b.context.catalog, readModels, { register: [tiers] });
    const [stored] = await readModels.list();
    if (stored === undefined) throw new Error('no model');
    const lease = await readModels.lease();
    await readModels.saveAll([{ model: { ...stored, version: 'other/income-tiers', state: '{}' }, expected: stored }]);
    await lease?.release();
    expect(await tiersText(b, readModels)).toBe(await tiersText(b));
    const run = await projectReadModels(b.store, b.context.catalog, readModels);
    expect(run.models.map((m) => m.rebuilt)).toEqual([true]);
    expect((await readModels.load(stored.key))?.version).toBe(stored.version);
    expect(await tiersText(b, readModels)).toBe(await tiersText(b));
  });

  it('following: a voucher appended later reaches the model, and the figures change with it', async () => {
    const b = await books();
    const readModels = new InMemoryReadModels();
    const controller = new AbortController();
    const saved: bigint[] = [];
    const following = projectReadModels(b.store, b.context.catalog, readModels, {
      register: [tiers],
      follow: true,
      signal: controller.signal,
      pollMs: 50,
      onProgress: (p) => {
        if (p.saved) saved.push(p.position);
      },
    });
    const before = await tiersText(b);
    await b.voucher('v', '记-9', '2023-03-01', [['102', 'debit', '999.00'], ['501', 'credit', '999.00']]);
    const head = BigInt(b.store.size);
    const deadline = Date.now() + 5_000;
    while (!saved.includes(head) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    const run = await following;
    expect(run.models.map((m) => m.position)).toEqual([head]);
    expect((await readModels.load('income-tiers{"year":2023}'))?.position).toBe(head);
    const after = await tiersText(b, readModels);
    expect(after).not.toBe(before);
    expect(after).toBe(await tiersText(b));
  });

  it('while catching up, saves every so many events, so a stop loses little', async () => {
    const b = await books();
    const readModels = new InMemoryReadModels();
    const saved: bigint[] = [];
    await projectReadModels(b.store, b.context.catalog, readModels, { register: [tiers], batchSize: 2, saveEvery: 4, onProgress: (p) => p.saved && saved.push(p.position) });
    expect(saved.length).toBeGreaterThan(1);
    expect(saved.at(-1)).toBe(BigInt(b.store.size));
  });

  it('an unknown report or a bad option is refused before anything is written', async () => {
    const b = await books();
    const readModels = new InMemoryReadModels();
    await expect(projectReadModels(b.store, b.context.catalog, readModels, { register: [{ report: 'income-tier' }] })).rejects.toThrow('there is no report named "income-tier"');
    await expect(projectReadModels(b.store, b.context.catalog, readModels, { register: [{ report: 'income-tiers' }] })).rejects.toThrow('income-tiers needs --year');
    expect(await readModels.list()).toEqual([]);
    expect(await readModels.lease()).toBeDefined();
  });
});
