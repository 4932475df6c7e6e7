import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@collective-ledger/cli';
import { Rate, contracts, coreCatalog, runProjection, type InMemoryEventStore } from '@collective-ledger/core';
import { buildDistrictBooks, ledgerText } from './books.js';

let dir = '';
let file = '';
let views: contracts.ContractView[] = [];

beforeAll(async () => {
  const store: InMemoryEventStore = await buildDistrictBooks();
  dir = await mkdtemp(join(tmpdir(), 'shanxi-campaign-'));
  file = join(dir, 'ledger.ndjson');
  await writeFile(file, await ledgerText(store));
  const { state } = await runProjection(store, coreCatalog, contracts.contractRegisters);
  views = [...state.values()].flatMap((register) => [...register.values()]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = async (...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} });
  return { code, stdout, stderr };
};

const percent = (rate: Rate | undefined): string | undefined => rate?.toPercent();

/** As of the article's date: flagged by a review by then, and rectified (the flag's answer a rectification) by then. */
const AS_OF = '2022-06-30';

describe('the Shanxi district example: the 清化收 campaign, computed from the events', () => {
  it('registers 2,234 economic contracts, of which the review flags 138 and 125 are rectified (90.6%)', () => {
    expect(views.filter((v) => v.card.registeredOn <= AS_OF)).toHaveLength(2234);
    const flagged = views.filter((v) => v.reviews.some((r) => r.flaggedOn <= AS_OF));
    const rectified = flagged.filter((v) => v.reviews.some((r) => r.outcome?.kind === 'rectified' && r.outcome.on <= AS_OF));
    expect([flagged.length, rectified.length]).toEqual([138, 125]);
    expect(percent(Rate.of(BigInt(rectified.length), BigInt(flagged.length)))).toBe('90.6%');
    // The same at the year's end: nothing is registered, flagged or rectified after the article's date.
    expect(views.filter((v) => v.reviews.some((r) => r.outcome?.kind === 'rectified'))).toHaveLength(125);
  });

  it('answers every flag as the register’s rules allow: rectified by the three methods, terminated, or still open', () => {
    const outcomes = views.flatMap((v) => v.reviews.map((r) => (r.outcome?.kind === 'rectified' ? r.outcome.method : r.outcome?.kind ?? 'open')));
    const count = (what: string): number => outcomes.filter((o) => o === what).length;
    expect(count('supplemented') + count('renegotiated') + count('re-tendered')).toBe(125);
    expect([count('supplemented') > 0, count('renegotiated') > 0, count('re-tendered') > 0]).toEqual([true, true, true]);
    expect(count('terminated') + count('open')).toBe(13);
    expect(views.filter((v) => v.card.flag !== undefined)).toHaveLength(count('open'));
  });

  it('collects 41.6% of the arrears over the first half of 2022', () => {
    const collection = contracts.collectionRateOver(views, '2022-01-01', '2022-06-30');
    expect(collection.overdue).toBeGreaterThan(0n);
    expect(percent(collection.rate)).toBe('41.6%');
  });

  it('names the asset register’s resources and buildings as subjects, some rents in grain, and no subject let twice', () => {
    expect(views.filter((v) => v.card.subject.assetId !== undefined).length).toBeGreaterThan(200);
    expect(views.some((v) => v.card.schedule.some((i) => i.grain !== undefined))).toBe(true);
  });

  it('reports 91,313,100.00 of non-performing debt and 74,850,000.00 resolved (82.0%) by 30 June 2022, by all four methods', async () => {
    const { code, stdout, stderr } = await cli('report', 'debts', '--store', file, '--as-of', AS_OF, '--format', 'json');
    expect([code, stderr]).toEqual([0, '']);
    const { total } = JSON.parse(stdout) as { total: { recorded: string; resolved: { total: string; byMethod: { method: string; amount: string }[] }; rate: { display: string } | null } };
    expect([total.recorded, total.resolved.total, total.rate?.display]).toEqual(['91313100.00', '74850000.00', '82.0%']);
    expect(total.resolved.byMethod.filter((m) => m.amount !== '0.00').map((m) => m.method).sort()).toEqual(['offset', 'repayment', 'restructuring', 'write-off']);
  });

  it('prints the same through `report contract-cleanup` and `report arrears`, computed from the ledger file', async () => {
    const cleanup = await cli('report', 'contract-cleanup', '--store', file, '--as-of', AS_OF, '--format', 'json');
    expect([cleanup.code, cleanup.stderr]).toEqual([0, '']);
    const { total } = JSON.parse(cleanup.stdout) as { total: { registered: number; flagged: number; rectified: { total: number }; rate: { display: string } | null } };
    expect([total.registered, total.flagged, total.rectified.total, total.rate?.display]).toEqual([2234, 138, 125, '90.6%']);
    const arrears = await cli('report', 'arrears', '--store', file, '--from', '2022-01-01', '--as-of', AS_OF, '--format', 'json');
    expect([arrears.code, arrears.stderr]).toEqual([0, '']);
    expect((JSON.parse(arrears.stdout) as { total: { rate: { display: string } | null } }).total.rate?.display).toBe('41.6%');
  });

  it('writes a ledger that `collective-ledger verify` accepts: every rule of the books holds', async () => {
    const { code, stdout } = await cli('verify', '--store', file);
    expect(stdout).toMatch(/0 rules broken, 0 warnings/);
    expect(code).toBe(0);
  });
});
