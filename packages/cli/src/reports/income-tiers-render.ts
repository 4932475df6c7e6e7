import type { IncomeTiers, Money, TierCount, TierGroup, VillageIncome } from '@collective-ledger/core';
import { tierLabels, type TierLabels } from './income-tiers-labels.js';
import { renderCsv, renderTable, type Table } from './render.js';
import type { ReportLanguage } from './report.js';

const percentOf = (count: TierCount): string => count.share?.toPercent() ?? '-';

const countAt = (group: TierGroup, threshold: Money): TierCount =>
  group.atOrAbove.find((t) => t.threshold.equals(threshold)) ?? { count: 0, share: undefined };

/** Per unit (the district, then each township): villages, then count and share per threshold, highest first as in the statistics. */
const summaryTable = (result: IncomeTiers, labels: TierLabels): Table => {
  const descending = [...result.thresholds].reverse();
  const columns = [
    labels.unit,
    labels.villages,
    ...descending.flatMap((t) => [labels.atOrAbove(t), labels.share]),
    labels.weak,
    labels.share,
    labels.shell,
    labels.share,
  ];
  const row = (group: TierGroup): string[] => [
    group.name ?? labels.all,
    String(group.villages),
    ...descending.flatMap((t) => [String(countAt(group, t).count), percentOf(countAt(group, t))]),
    String(group.weak.count),
    percentOf(group.weak),
    String(group.shell.count),
    percentOf(group.shell),
  ];
  return { columns, numeric: columns.slice(1), rows: [result.district, ...result.townships].map(row) };
};

const townshipNames = (result: IncomeTiers): Map<string, string> =>
  new Map(result.townships.flatMap((t) => (t.id === undefined ? [] : [[t.id, t.name ?? t.id] as const])));

const tierText = (village: VillageIncome, result: IncomeTiers, labels: TierLabels): string =>
  village.tier === 'below' ? labels.below(result.thresholds[0] ?? village.income) : labels.atOrAbove(village.tier);

const villageTable = (result: IncomeTiers, villages: readonly VillageIncome[], labels: TierLabels, withTier: boolean): Table => {
  const names = townshipNames(result);
  const columns = [labels.code, labels.village, labels.township, labels.income, ...(withTier ? [labels.tier] : [])];
  return {
    columns,
    numeric: [labels.income],
    rows: villages.map((v) => [
      v.code,
      v.name,
      names.get(v.township ?? '') ?? '-',
      v.income.toDisplay(),
      ...(withTier ? [tierText(v, result, labels)] : []),
    ]),
  };
};

const section = (title: string, table: Table, labels: TierLabels): string =>
  `${title}\n${table.rows.length === 0 ? `${labels.none}\n` : renderTable(table)}`;

/**
 * The statistic as the articles print it: for the district and each township,
 * per threshold the count and share of villages; then every village with its
 * income and tier; then the weak and the shell villages.
 */
export const tiersTable = (result: IncomeTiers, lang: ReportLanguage): string => {
  const labels = tierLabels(lang);
  const lowest = result.thresholds[0];
  return [
    `${labels.title(result.year)}\n${labels.basis(result.basis)}\n`,
    renderTable(summaryTable(result, labels)),
    section(labels.villageList, villageTable(result, result.villages, labels, true), labels),
    section(lowest === undefined ? labels.weak : labels.weakTitle(lowest), villageTable(result, result.villages.filter((v) => v.weak), labels, false), labels),
    section(labels.shellTitle(result.shellLimit), villageTable(result, result.villages.filter((v) => v.shell), labels, false), labels),
  ].join('\n');
};

const CSV_HEAD = ['level', 'id', 'code', 'name', 'township', 'villages', 'income', 'tier'];

/** One CSV: the district, each township, then each village (whose counts are 1 or 0). Headers are fixed English keys. */
export const tiersCsv = (result: IncomeTiers): string => {
  const columns = [
    ...CSV_HEAD,
    ...result.thresholds.flatMap((t) => [`at_or_above_${t.toString()}`, `percent_${t.toString()}`]),
    'weak',
    'weak_percent',
    'shell',
    'shell_percent',
  ];
  const percent = (count: TierCount): string => count.share?.toPercent() ?? '';
  const group = (level: string, g: TierGroup): string[] => [
    level,
    g.id ?? '',
    g.code ?? '',
    g.name ?? '',
    '',
    String(g.villages),
    g.income.toString(),
    '',
    ...g.atOrAbove.flatMap((t) => [String(t.count), percent(t)]),
    String(g.weak.count),
    percent(g.weak),
    String(g.shell.count),
    percent(g.shell),
  ];
  const flag = (yes: boolean): string => (yes ? '1' : '0');
  const village = (v: VillageIncome): string[] => [
    'village',
    v.id,
    v.code,
    v.name,
    v.township ?? '',
    '1',
    v.income.toString(),
    v.tier === 'below' ? 'below' : v.tier.toString(),
    ...result.thresholds.flatMap((t) => [flag(v.income.gte(t)), '']),
    flag(v.weak),
    '',
    flag(v.shell),
    '',
  ];
  const rows = [group('district', result.district), ...result.townships.map((t) => group('township', t)), ...result.villages.map(village)];
  return renderCsv({ columns, rows });
};
