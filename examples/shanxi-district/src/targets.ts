import { Money } from '@collective-ledger/core';
import type { Story, Village } from './district.js';
import { fenBetween } from './random.js';

/**
 * How much operating income (501 经营收入 + 502 投资收益) each village earns in
 * 2022. The GENERATOR chooses these targets so that the source article's
 * statistic arises: of 94 villages, 32 at or above 1,000,000 yuan, 57 at or
 * above 500,000 and 92 at or above 100,000. So 32 villages are drawn at or
 * above 1,000,000, 25 in [500,000, 1,000,000), 35 in [100,000, 500,000), one
 * weak village in [50,000, 100,000) and one shell village under 50,000.
 *
 * The report never sees these numbers: it adds up the vouchers the targets
 * are split into, so `report income-tiers` recomputes the statistic from the
 * events alone.
 */
export interface Target {
  /** Operating income of the year, exact to the fen. */
  readonly operating: Money;
  /** The part of it that is 502 投资收益 (profit handed over by the village company, dividends); `undefined`: drawn. */
  readonly investment?: Money;
  /** The part of its 501 that resources found by the 2022 stock-take earn (asset-year.ts); recorded with them, not as rent vouchers. */
  readonly fromResources?: Money;
  /** The part of its 501 that its economic contracts earn (contract-budget.ts), recognised from the contract register, not as rent vouchers. */
  readonly fromContracts?: Money;
}

interface Band {
  readonly minYuan: number;
  readonly maxYuan: number;
}

/** [min, max) in yuan; the upper end is never reached (fenBetween draws below it). */
const TOP: Band = { minYuan: 1_000_000, maxYuan: 3_600_000 };
const UPPER: Band = { minYuan: 500_000, maxYuan: 1_000_000 };
const MIDDLE: Band = { minYuan: 100_000, maxYuan: 500_000 };
const WEAK: Band = { minYuan: 50_000, maxYuan: 100_000 };
const SHELL: Band = { minYuan: 12_000, maxYuan: 50_000 };

/** The article's single villages, in their bands (the clothing and property villages also earn rents). */
const storyTarget = (story: Story, random: () => number): Target => {
  switch (story) {
    case 'tourism':
      // 桃花沟村: a tourism village with more than 50 million yuan of collective income.
      return { operating: Money.of('52368426.80') };
    case 'red-tourism':
      // 南岭村: a red-tourism village with 150,000 yuan.
      return { operating: Money.of('150000.00') };
    case 'clothing-workshop':
      // 程家坪村: a clothing workshop in revitalised farmhouses adds 200,000 yuan (501) to its rents.
      return { operating: Money.of('200000').plus(Money.fromFen(fenBetween(random, 60_000, 250_000))) };
    case 'property-company':
      // 新民村: its property-management company hands over 600,000 yuan (502); it also lets a few shops.
      return { operating: Money.of('600000').plus(Money.fromFen(fenBetween(random, 30_000, 300_000))), investment: Money.of('600000') };
  }
};

const drawn = (band: Band, count: number) => (random: () => number): Target[] =>
  Array.from({ length: count }, () => ({ operating: Money.fromFen(fenBetween(random, band.minYuan, band.maxYuan)) }));

const exactly = (yuan: string): Target => ({ operating: Money.of(yuan) });

/** Fisher–Yates with the seeded generator, so the bands fall on the villages the same way on every machine. */
export const shuffled = <T>(items: readonly T[], random: () => number): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) [out[i], out[j]] = [b, a];
  }
  return out;
};

/**
 * A target for every village: the story villages get theirs; the others get
 * the rest of the bands, shuffled. Three of them sit exactly on a threshold
 * (1,000,000.00, 500,000.00 and 100,000.00) to show that 以上 includes it.
 */
export const targetsFor = (villages: readonly Village[], random: () => number): Map<string, Target> => {
  const pool = shuffled(
    [
      ...drawn(TOP, 30)(random),
      exactly('1000000.00'),
      ...drawn(UPPER, 23)(random),
      exactly('500000.00'),
      ...drawn(MIDDLE, 32)(random),
      exactly('100000.00'),
      ...drawn(WEAK, 1)(random),
      ...drawn(SHELL, 1)(random),
    ],
    random,
  );
  const targets = new Map<string, Target>();
  for (const village of villages) {
    const target = village.story === undefined ? pool.shift() : storyTarget(village.story, random);
    if (target === undefined) throw new Error(`no target left for ${village.organizationId}: the bands hold fewer targets than villages`);
    targets.set(village.organizationId, target);
  }
  if (pool.length > 0) throw new Error(`${pool.length} targets left over: the bands hold more targets than villages`);
  return targets;
};
