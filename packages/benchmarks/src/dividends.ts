/**
 * Dividends benchmark: a district of 1,000
 * villages with 100 members each (100,000 members), one closed year. Timed:
 * planning, allocating and posting every village's distribution through
 * `distributeIncome`; the allocation alone of all 100,000 members'
 * dividends (`allocateDividends`, the pure step); and the replay of the
 * whole store into the dividends report of every village. Every run checks
 * that the pools add up to the generator's figure and each village's
 * dividends add up to its pool. Run in its own process so peak RSS is its own.
 */
import { Dec, InMemoryEventStore, Money, coreCatalog, dividendsReportOf, runProjection, shareBooksProjection, shares } from '@collective-ledger/core';
import { benchVillage, buildDistrict, MEMBERS_PER_VILLAGE, PLAN_STEPS, YEAR } from './dividends-district.js';
import { peakRssMiB, repeated, timed } from './measure.js';

const VILLAGES = Number(process.env['BENCH_VILLAGES'] ?? 1000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

const distributeAll = async (store: InMemoryEventStore): Promise<void> => {
  const context = { store, catalog: coreCatalog };
  for (let v = 0; v < VILLAGES; v += 1) {
    const input: shares.DistributeIncomeInput = { organizationId: benchVillage(v), year: YEAR, approvedOn: `${YEAR + 1}-03-15`, resolution: '分配方案', steps: PLAN_STEPS };
    const result = await shares.distributeIncome(context, { commandId: `p-${v}`, actor: 'bench', input });
    if (result._tag === 'Left') throw new Error(result.left.message);
  }
};

const main = async (): Promise<void> => {
  const store = new InMemoryEventStore();
  const build = await timed(() => buildDistrict(store, VILLAGES));
  const buildEvents = store.size;
  const plan = await timed(() => distributeAll(store));
  // The pure allocation of every member, from the registers and pools the plans used.
  const { state } = await runProjection(store, coreCatalog, shareBooksProjection());
  const pools = [...state.distributions.values()].map((d) => d.declarations.get(YEAR));
  const weights = new Map([['labour', new Dec('0.5')]]);
  const allocation = await repeated(RUNS, () => {
    let members = 0;
    for (let v = 0; v < VILLAGES; v += 1) {
      const register = state.registers.get(benchVillage(v));
      const pool = pools[v]?.pool ?? Money.zero;
      if (register === undefined) throw new Error(`no register for ${benchVillage(v)}`);
      members += shares.allocateDividends(pool, shares.holdingsOn(register, `${YEAR}-12-31`), weights).holders.length;
    }
    return Promise.resolve(members);
  });
  const replay = await repeated(RUNS, async () => {
    const run = await runProjection(store, coreCatalog, shareBooksProjection());
    let total = 0n;
    for (let v = 0; v < VILLAGES; v += 1) {
      const report = dividendsReportOf(run.state, benchVillage(v), YEAR);
      if (report === undefined) throw new Error(`no dividends for ${benchVillage(v)}`);
      if (report.dividend.toFen() + report.retained.toFen() !== report.pool.toFen()) throw new Error(`${benchVillage(v)}: dividends do not add up to the pool`);
      total += report.pool.toFen();
    }
    return total;
  });
  if (replay.value !== build.value) throw new Error(`pools ${replay.value} differ from the generator's ${build.value} fen`);
  const median = (s: readonly number[]) => [...s].sort((a, b) => a - b)[Math.floor(s.length / 2)] ?? Number.NaN;
  process.stdout.write(
    `${JSON.stringify({
      name: 'dividends',
      villages: VILLAGES,
      members: VILLAGES * MEMBERS_PER_VILLAGE,
      allocatedMembers: allocation.value,
      buildEvents,
      events: store.size,
      buildSeconds: build.seconds,
      planSeconds: plan.seconds,
      allocationSeconds: median(allocation.seconds),
      allocationRange: [Math.min(...allocation.seconds), Math.max(...allocation.seconds)],
      replaySeconds: median(replay.seconds),
      replayRange: [Math.min(...replay.seconds), Math.max(...replay.seconds)],
      runs: RUNS,
      peakRssMiB: Math.round(peakRssMiB()),
      checkedPools: Money.fromFen(replay.value).toString(),
    })}\n`,
  );
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
